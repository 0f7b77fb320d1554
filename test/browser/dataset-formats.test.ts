import assert from "node:assert/strict";
import {readFile, mkdtemp, rm, writeFile} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {extname, join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {build} from "vite";
import {readTable} from "../../src/cells/dataset/formats/index.ts";
import {summarize} from "../cells/dataset/formats/summarize.ts";
import {launchChromium, openPage} from "./support/chromium.ts";

// The dataset readers bundled by Vite into a page, reading the fixtures in chromium two ways (by URL, and as
// a File the way an upload arrives): each table must equal the one Node reads from disk.
const fixtures = fileURLToPath(new URL("../fixtures/datasets/", import.meta.url));
const files = [
  "parquet",
  "gzip.parquet",
  "zstd.parquet",
  "v2.parquet",
  "list.parquet",
  "double.parquet",
  "arrow",
  "arrows",
  "csv",
  "tsv",
  "json",
  "jsonl"
]
  .map((extension) => `sample.${extension}`)
  .concat("types.parquet");

const page = (root: string) => `
import {readTable} from ${JSON.stringify(join(root, "src/cells/dataset/formats/index.ts"))};
import {summarize} from ${JSON.stringify(join(root, "test/cells/dataset/formats/summarize.ts"))};
const options = {vectorColumns: ["embedding"]};
async function read(file, asFile) {
  try {
    const source = asFile ? new File([await (await fetch("datasets/" + file)).arrayBuffer()], file) : "datasets/" + file;
    return summarize((await readTable(source, options)).table);
  } catch (error) {
    return {error: String(error)};
  }
}
const files = ${JSON.stringify(files)};
window.results = Promise.all(files.flatMap((file) => [read(file, false), read(file, true)]));
`;

let dir: string;
let server: Server;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-formats-"));
  const root = fileURLToPath(new URL("../../", import.meta.url));
  await writeFile(join(dir, "main.js"), page(root));
  await writeFile(join(dir, "index.html"), `<!doctype html><script type="module" src="./main.js"></script>`);
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    build: {outDir: join(dir, "dist"), emptyOutDir: true}
  });
  const types: Record<string, string> = {".html": "text/html", ".js": "text/javascript"};
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = path.startsWith("/datasets/")
      ? join(fixtures, path.slice(10))
      : join(dir, "dist", path === "/" ? "index.html" : path);
    readFile(file).then(
      (bytes) =>
        response
          .writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"})
          .end(bytes),
      () => response.writeHead(404).end()
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  if (dir) await rm(dir, {recursive: true, force: true});
});

test("readTable() reads every fixture format in chromium, by URL and as a File, as Node does", async () => {
  const {page, errors} = await openPage(browser);
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const results = await page.evaluate(() => (window as unknown as {results: Promise<unknown[]>}).results);
  assert.deepEqual(errors, []);
  const expected = [];
  for (const file of files) {
    const summary = summarize((await readTable(join(fixtures, file), {vectorColumns: ["embedding"]})).table);
    expected.push(summary, summary);
  }
  assert.deepEqual(results, expected);
});
