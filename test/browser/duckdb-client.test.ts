// DuckDBClient in a built page: duckdb-wasm, from the site itself, gives the same answers as node-api headless
// on the same notebook and files (an Arrow table, an Arrow/CSV/Parquet FileAttachment, an array of objects).
import assert from "node:assert/strict";
import {copyFile, mkdir, readdir} from "node:fs/promises";
import {join} from "node:path";
import {test} from "node:test";
import {openNotebook} from "../../src/runtime/headless/open-notebook.ts";
import {builtSite} from "./support/built-site.ts";
import {openPage, waitForCellText} from "./support/chromium.ts";

/** The fixture notebook beside copies of the real files it reads. */
async function writeNotebook(dir: string): Promise<string> {
  await mkdir(join(dir, "data"));
  await copyFile("test/fixtures/notebooks/duckdb-client.html", join(dir, "duckdb-client.html"));
  await copyFile("test/fixtures/datasets/sample.arrow", join(dir, "data/sample.arrow"));
  for (const file of ["penguins.csv", "digits-training.parquet"])
    await copyFile(join("notebooks/data", file), join(dir, "data", file));
  return join(dir, "duckdb-client.html");
}

let source = "";
const site = builtSite("duckclient", async (dir) => (source = await writeNotebook(dir)), {
  args: ["--no-bake"]
});

test("a built page's DuckDBClient answers as the runner's, on duckdb-wasm from its own site", async () => {
  const headless = await openNotebook(source);
  assert.ok(await headless.recorder.whenSettled(60_000));
  const expected = headless.recorder.report("summary")!.value as string;
  const arraysInRunner = String(
    headless.recorder.report("arrays")!.value ?? headless.recorder.report("arrays")!.error?.message
  );
  headless.runtime.dispose();
  assert.ok(expected.length > 100);
  assert.deepEqual((await readdir(join(site.outDir, "data"))).sort(), [
    "digits-training.parquet",
    "penguins.csv",
    "sample.arrow"
  ]);
  const {page, requests, errors} = await openPage(site.browser);
  await page.goto(`${site.origin}/duckdb-client.html`);
  await page.waitForFunction(() => document.querySelector("pre.summary")?.textContent, null, {
    timeout: 60_000
  });
  assert.equal(await page.$eval("pre.summary", (pre) => pre.textContent), expected);
  await waitForCellText(page, 7, "'; DROP TABLE people; --");
  await waitForCellText(page, 8, "no_such_table does not exist");
  assert.match(await page.$eval('.phx-cell[data-cell-id="8"]', (cell) => cell.textContent ?? ""), /line 44/);
  // Arrays are typed lists by the SQL cells' rule in both engines (the page refused any: "Invalid column type
  // encountered for argument 0"), a mixed one the same error; the `?` in a string and a comment are no places.
  const oneKind = "an array parameter holds one kind (numbers, strings, booleans or Dates; nulls aside)";
  const arrays = {
    query: {t: "DOUBLE[]", v: ["a", 'b,"c"', null], q: "?"},
    sql: {b: "BIGINT[]", c: true},
    mixed: `the 2nd parameter is an array of numbers and strings: ${oneKind}`,
    mixedSql: `the 1st \${…} is an array of booleans and numbers: ${oneKind}`
  };
  assert.deepEqual(JSON.parse(arraysInRunner), arrays, "the runner");
  await page.waitForFunction(() => document.querySelector("pre.arrays")?.textContent, null, {
    timeout: 60_000
  });
  assert.deepEqual(
    JSON.parse((await page.$eval("pre.arrays", (pre) => pre.textContent)) ?? ""),
    arrays,
    "the page"
  );
  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/duckdb-client.png", fullPage: true});
  assert.deepEqual(errors, []);
  assert.ok(
    requests.some((url) => /duckdb.*\.wasm$/.test(url)),
    "duckdb-wasm's module came from the site"
  );
  assert.deepEqual(
    requests.filter((url) => new URL(url).origin !== site.origin),
    []
  );
});
