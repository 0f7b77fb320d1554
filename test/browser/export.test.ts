import assert from "node:assert/strict";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {extname, join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {build} from "vite";
import {readTable} from "../../src/cells/dataset/formats/index.ts";
import {launchChromium, openPage} from "./support/chromium.ts";
import {expectedSample} from "../cells/dataset/formats/expected.ts";
import {summarize} from "../cells/dataset/formats/summarize.ts";
import {pickRows} from "../cells/export/support.ts";

// exportRows bundled by Vite into a page: Parquet's WebAssembly writer must load from the built assets
// (parquet-wasm's ESM build fetches its .wasm), and what chromium writes must read back in Node.
const fixtures = fileURLToPath(new URL("../fixtures/datasets/", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

const page = `
import {load} from ${JSON.stringify(join(root, "src/cells/dataset/load.ts"))};
import {exportRows} from ${JSON.stringify(join(root, "src/cells/export/export-rows.ts"))};
const schema = {timestamp: "timestamp", embeddings: {embedding: {vector: "embedding"}}};
async function exported(format) {
  try {
    const dataset = await load("datasets/sample.parquet", {schema});
    const file = await exportRows([dataset], {primary: [4, 1]}, {format});
    return {fileName: file.fileName, bytes: Array.from(file.bytes)};
  } catch (error) {
    return {error: String(error)};
  }
}
window.results = Promise.all(["parquet", "arrow", "csv", "jsonl"].map(exported));
`;

let dir: string;
let server: Server;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-export-"));
  await writeFile(join(dir, "main.js"), page);
  await writeFile(join(dir, "index.html"), `<!doctype html><script type="module" src="./main.js"></script>`);
  await build({root: dir, configFile: false, logLevel: "silent", build: {outDir: join(dir, "dist")}});
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".wasm": "application/wasm"
  };
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

test("exportRows() in chromium, bundled by Vite, writes every format, Parquet included, as Node reads it", async () => {
  const {page, errors} = await openPage(browser);
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const results = await page.evaluate(
    () => (window as unknown as {results: Promise<{fileName: string; bytes: number[]}[]>}).results
  );
  assert.deepEqual(errors, []);
  const tables = [];
  for (const {fileName, bytes} of results) {
    const file = new File([Uint8Array.from(bytes)], fileName);
    tables.push(summarize((await readTable(file, {vectorColumns: ["embedding"]})).table));
  }
  const [typed, text] = [pickRows(expectedSample(true), [1, 4]), pickRows(expectedSample(false), [1, 4])];
  assert.deepEqual(tables, [typed, typed, text, text]);
});
