import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {basename} from "node:path";
import {after, before, test} from "node:test";
import {pathToFileURL} from "node:url";
import {readTable} from "../../../../src/cells/dataset/formats/index.ts";
import {expectedSample} from "./expected.ts";
import {fixture, fixtureBytes} from "./fixtures.ts";
import {summarize} from "./summarize.ts";

let server: Server;
let base: string;

before(async () => {
  server = createServer((request, response) => {
    readFile(fixture(basename(request.url ?? ""))).then(
      (bytes) => response.end(bytes),
      () => response.writeHead(404, "Not Found").end()
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

after(() => server.close());

test("readTable() fetches an http URL and names it in the result", async () => {
  const {table, source} = await readTable(`${base}sample.parquet?v=1`);
  assert.deepEqual(summarize(table), expectedSample(true));
  assert.equal(source, `${base}sample.parquet?v=1`);
});

test("readTable() turns an HTTP error into a DatasetError naming the URL", async () => {
  await assert.rejects(readTable(new URL(`${base}nothing.csv`)), /nothing\.csv: HTTP 404 Not Found/);
});

test("readTable() reads a file: URL from disk", async () => {
  const {table} = await readTable(pathToFileURL(fixture("sample.arrow")));
  assert.deepEqual(summarize(table), expectedSample(true));
});

test("readTable() reads a File by slices and names it by its file name", async () => {
  const {table, source} = await readTable(new File([fixtureBytes("sample.parquet")], "upload.parquet"));
  assert.deepEqual(summarize(table), expectedSample(true));
  assert.equal(source, "upload.parquet");
});

test("readTable() sniffs Parquet in a nameless Blob by its magic bytes", async () => {
  const {table, source} = await readTable(new Blob([fixtureBytes("sample.parquet")]));
  assert.deepEqual(summarize(table), expectedSample(true));
  assert.equal(source, "Blob");
});

for (const file of ["sample.arrow", "sample.arrows"]) {
  test(`readTable() sniffs Arrow IPC (${file.endsWith("s") ? "stream" : "file"}) in a FileAttachment without extension`, async () => {
    const bytes = fixtureBytes(file);
    const attachment = {name: "data", arrayBuffer: async () => bytes.slice().buffer};
    const {table, source} = await readTable(attachment);
    assert.deepEqual(summarize(table), expectedSample(true));
    assert.equal(source, "data");
  });
}

test("readTable() sniffs a JSON array and JSON lines by their first character", async () => {
  for (const file of ["sample.json", "sample.jsonl"]) {
    const {table} = await readTable(new Blob([fixtureBytes(file)]), {vectorColumns: ["embedding"]});
    assert.deepEqual(summarize(table), expectedSample(false));
  }
});

test("readTable() follows the format option over the extension", async () => {
  const file = new File([fixtureBytes("sample.tsv")], "export.txt");
  const {table} = await readTable(file, {format: "tsv", vectorColumns: ["embedding"]});
  assert.deepEqual(summarize(table), expectedSample(false));
});

test("readTable() takes .feather, .ipc and .ndjson for Arrow and JSON lines", async () => {
  for (const [name, file] of [
    ["a.feather", "sample.arrow"],
    ["a.ipc", "sample.arrow"],
    ["a.ndjson", "sample.jsonl"]
  ]) {
    const {table} = await readTable(new File([fixtureBytes(file!)], name!), {vectorColumns: ["embedding"]});
    assert.equal(table.numRows, 6);
  }
});

test("readTable() stops before reading when its signal is aborted", async () => {
  await assert.rejects(readTable(fixture("sample.parquet"), {signal: AbortSignal.abort()}), {
    name: "AbortError"
  });
});

test("readTable() refuses an unknown source naming its kind, never its contents", async () => {
  const bytes = fixtureBytes("sample.parquet");
  const error = await readTable(bytes as never).then(
    () => assert.fail("read raw bytes"),
    (e: unknown) => e as Error
  );
  assert.match(error.message, new RegExp(`^a Uint8Array of ${bytes.byteLength} bytes: unknown source`));
  // The bytes as numbers ("80,65,82,49,…") filled the message before.
  assert.ok(error.message.length < 200, error.message.slice(0, 300));
  await assert.rejects(readTable(42 as never), /42: unknown source/);
});
