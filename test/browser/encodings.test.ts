import assert from "node:assert/strict";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {serveBundledPage} from "./support/bundled-page.ts";
import {launchChromium, openPage} from "./support/chromium.ts";

// readTable bundled into a page decodes with chromium's TextDecoder: UTF-16 BE and LE, and fatal UTF-8.
const fixtures = fileURLToPath(new URL("../fixtures/datasets/", import.meta.url));
const root = fileURLToPath(new URL("../../", import.meta.url));

const page = `
import {readTable} from ${JSON.stringify(join(root, "src/cells/dataset/formats/index.ts"))};
const cities = (bytes) => new File([new Uint8Array(bytes)], "c.csv");
async function read(source) {
  try {
    const {table} = await readTable(source);
    return table.toArray().map((row) => row.toJSON());
  } catch (error) {
    return String(error);
  }
}
window.results = Promise.all([
  read("datasets/utf16le.csv"),
  // "city\\nMé\\n" in UTF-16 BE, behind FE FF
  read(cities([0xfe, 0xff, 0, 0x63, 0, 0x69, 0, 0x74, 0, 0x79, 0, 0x0a, 0, 0x4d, 0, 0xe9, 0, 0x0a])),
  read("datasets/latin1.csv")
]);
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

test("readTable() in chromium reads UTF-16 behind its byte-order mark and refuses Latin-1, as in Node", async () => {
  const {page, errors} = await openPage(browser);
  await page.goto(`${server.origin}/`);
  const results = await page.evaluate(() => (window as unknown as {results: Promise<unknown[]>}).results);
  assert.deepEqual(errors, []);
  assert.deepEqual(results.slice(0, 2), [[{id: 1, x: 2}], [{city: "Mé"}]]);
  assert.match(
    String(results[2]),
    /^DatasetError: datasets\/latin1\.csv: not UTF-8 text: byte 0xE1 at offset 35 \(line 2, /
  );
});
