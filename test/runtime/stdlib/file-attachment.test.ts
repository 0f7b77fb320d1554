import assert from "node:assert/strict";
import {test} from "node:test";
import {FileAttachmentError} from "../../../src/runtime/stdlib/file-source.ts";
import {FileAttachment, fixtures} from "./fixtures.ts";

test("FileAttachment(name).name is the name as written", () => {
  assert.equal(FileAttachment("data.csv").name, "data.csv");
});

test("FileAttachment.url() is the file: URL of the resolved path", async () => {
  assert.equal(await FileAttachment("data.csv").url(), `file://${fixtures}data.csv`);
});

test("FileAttachment.text() decodes UTF-8", async () => {
  assert.equal(await FileAttachment("hello.txt").text(), "héllo, notebook\n");
});

test("FileAttachment.text(encoding) decodes with that encoding", async () => {
  assert.equal(await FileAttachment("hello.txt").text("latin1"), "hÃ©llo, notebook\n");
});

test("FileAttachment.json() parses JSON", async () => {
  assert.deepEqual(await FileAttachment("data.json").json(), {name: "phoenix", values: [1, 2, 3]});
});

test("FileAttachment.csv() returns rows of strings", async () => {
  const rows = await FileAttachment("data.csv").csv();
  assert.deepEqual(
    [...rows],
    [
      {name: "alpha", value: "1", date: "2024-01-01"},
      {name: "beta", value: "2.5", date: "2024-01-02"}
    ]
  );
  assert.deepEqual(rows.columns, ["name", "value", "date"]);
});

test("FileAttachment.csv({typed: true}) infers numbers and dates", async () => {
  const rows = await FileAttachment("data.csv").csv({typed: true});
  assert.deepEqual(
    [...rows],
    [
      {name: "alpha", value: 1, date: new Date(Date.UTC(2024, 0, 1))},
      {name: "beta", value: 2.5, date: new Date(Date.UTC(2024, 0, 2))}
    ]
  );
});

test("FileAttachment.tsv({typed: true}) infers numbers and booleans", async () => {
  const rows = await FileAttachment("data.tsv").tsv({typed: true});
  assert.deepEqual(
    [...rows],
    [
      {name: "alpha", value: 1, flag: true},
      {name: "beta", value: -3, flag: false}
    ]
  );
});

test("FileAttachment.arrayBuffer() has the file's bytes", async () => {
  const bytes = new Uint8Array(await FileAttachment("data.json").arrayBuffer());
  assert.equal(bytes.length, 41);
  assert.equal(String.fromCharCode(bytes[0]!, bytes[40]!), "{\n");
});

test("FileAttachment.blob() has the file's size and text", async () => {
  const blob = await FileAttachment("hello.txt").blob();
  assert.equal(blob.size, 17);
  assert.equal(await blob.text(), "héllo, notebook\n");
});

test("FileAttachment.stream() streams the file's bytes", async () => {
  const stream = await FileAttachment("hello.txt").stream();
  assert.equal(await new Response(stream).text(), "héllo, notebook\n");
});

test("FileAttachment.arrow() reads the Arrow IPC file format", async () => {
  const table = await FileAttachment("table.arrow").arrow();
  assert.deepEqual(
    table.toArray().map((row) => row.toJSON()),
    [
      {id: 1, name: "a"},
      {id: 2, name: "b"},
      {id: 3, name: null}
    ]
  );
});

test("FileAttachment.arrow() reads the Arrow IPC stream format", async () => {
  const table = await FileAttachment("table.arrows").arrow();
  assert.deepEqual([...table.getChild("id")!], [1, 2, 3]);
});

test("FileAttachment.image() rejects in Node without a DOM to make it in, naming the file", async () => {
  await assert.rejects(FileAttachment("hello.txt").image(), /image\(\) needs a DOM: "hello.txt"/);
});

test("a missing file rejects naming the file and the path looked at", async () => {
  const error = await FileAttachment("nope/missing.csv")
    .csv()
    .then(
      () => assert.fail("expected a rejection"),
      (error: unknown) => error
    );
  assert.ok(error instanceof FileAttachmentError);
  assert.equal(error.file, "nope/missing.csv");
  assert.equal(error.message, `file not found: "nope/missing.csv" (looked at ${fixtures}nope/missing.csv)`);
});

test("a folder rejects as not a file", async () => {
  await assert.rejects(FileAttachment(".").text(), /^FileAttachmentError: not a file: "\."/);
});
