import assert from "node:assert/strict";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {readTable} from "../../src/cells/dataset/formats/index.ts";
import {serveBundledPage} from "./support/bundled-page.ts";
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

let server: Awaited<ReturnType<typeof serveBundledPage>>;
let browser: Browser;

before(async () => {
  server = await serveBundledPage(page, {mounts: {"/datasets/": fixtures}});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("exportRows() in chromium, bundled by Vite, writes every format, Parquet included, as Node reads it", async () => {
  const {page, errors} = await openPage(browser);
  await page.goto(`${server.origin}/`);
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
