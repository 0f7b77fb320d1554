import assert from "node:assert/strict";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {readTable} from "../../src/cells/dataset/formats/index.ts";
import {summarize} from "../cells/dataset/formats/summarize.ts";
import {serveBundledPage} from "./support/bundled-page.ts";
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

let server: Awaited<ReturnType<typeof serveBundledPage>>;
let browser: Browser;

before(async () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  server = await serveBundledPage(page(root), {mounts: {"/datasets/": fixtures}});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("readTable() reads every fixture format in chromium, by URL and as a File, as Node does", async () => {
  const {page, errors} = await openPage(browser);
  await page.goto(`${server.origin}/`);
  const results = await page.evaluate(() => (window as unknown as {results: Promise<unknown[]>}).results);
  assert.deepEqual(errors, []);
  const expected = [];
  for (const file of files) {
    const summary = summarize((await readTable(join(fixtures, file), {vectorColumns: ["embedding"]})).table);
    expected.push(summary, summary);
  }
  assert.deepEqual(results, expected);
});
