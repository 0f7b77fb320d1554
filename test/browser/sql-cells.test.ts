// SQL cells in a built page: duckdb-wasm, self-hosted, gives the same tables as node-api headless on the same
// files (penguins.csv, the digits Parquet); parameters are bound; errors name the line; a page without SQL
// fetches no DuckDB file.
import assert from "node:assert/strict";
import {copyFile, mkdir, mkdtemp, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Table} from "apache-arrow";
import type {Browser} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {openNotebook} from "../../src/runtime/headless/open-notebook.ts";
import {launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {serveStatic} from "./support/static-server.ts";

let browser: Browser;
const folders: string[] = [];

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(folders.map((folder) => rm(folder, {recursive: true, force: true})));
});

async function folder(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** The SQL fixture beside copies of the real data files it reads. */
async function sqlNotebook(): Promise<string> {
  const dir = await folder("phoenix-sql-src-");
  await mkdir(join(dir, "data"));
  await copyFile("test/fixtures/notebooks/sql-cells.html", join(dir, "sql-cells.html"));
  for (const file of ["penguins.csv", "digits-training.parquet"])
    await copyFile(join("notebooks/data", file), join(dir, "data", file));
  return dir;
}

test("a built page's SQL cells give the same tables as the runner's, on duckdb-wasm from its own site", async () => {
  const dir = await sqlNotebook();
  const headless = await openNotebook(join(dir, "sql-cells.html"));
  assert.ok(await headless.recorder.whenSettled(60_000));
  const expected = headless.recorder.report("summary")!.value as string;
  const typed = (headless.recorder.report("typed")!.value as Table).get(0)!.toJSON();
  const broken = headless.recorder.report("broken")!.error!;
  headless.runtime.dispose();
  const out = await folder("phoenix-sql-out-");
  assert.equal(await build([join(dir, "sql-cells.html"), "--out", out]), 0);
  const assets = await readdir(join(out, "assets"));
  assert.ok(
    assets.some((name) => /^duckdb-eh.*\.wasm$/.test(name)),
    "the build copies duckdb-wasm's module"
  );
  assert.deepEqual((await readdir(join(out, "data"))).sort(), ["digits-training.parquet", "penguins.csv"]);
  const server = await serveStatic(out);
  try {
    const {page, requests, errors} = await openPage(browser);
    await page.goto(`${server.origin}/sql-cells.html`);
    await page.waitForSelector("pre.summary", {timeout: 60_000});
    await page.waitForFunction(() => document.querySelector("pre.summary")?.textContent, null, {
      timeout: 60_000
    });
    assert.equal(await page.$eval("pre.summary", (pre) => pre.textContent), expected);
    // Whole-number parameters are INTEGERs in both engines (the page bound them as DOUBLE: "id-3.0").
    await page.waitForSelector("pre.typed", {timeout: 60_000});
    // 2024-03-05T06:07:08.009Z is 1709618828009 ms after the epoch; a day later, 86,400,000 ms more.
    assert.deepEqual(typed, {
      r: 3.14,
      s: "bcd",
      id: "id-3",
      t: "INTEGER",
      yr: 2024,
      next: 1709618828009 + 86_400_000
    });
    assert.deepEqual(JSON.parse((await page.$eval("pre.typed", (pre) => pre.textContent)) ?? ""), typed);
    await waitForCellText(page, 7, "'; DROP TABLE t; --");
    await waitForCellText(page, 8, "no_such_table does not exist");
    assert.match(
      await page.$eval('.phx-cell[data-cell-id="8"]', (cell) => cell.textContent ?? ""),
      /line 38/
    );
    assert.equal(broken.line, 38);
    assert.equal(await page.locator('.phx-cell[data-cell-id="2"] table th').count(), 5, "a result table");
    await mkdir("test-results", {recursive: true});
    await page.screenshot({path: "test-results/sql-cells.png", fullPage: true});
    assert.deepEqual(errors, []);
    assert.deepEqual(
      requests.filter((url) => new URL(url).origin !== server.origin),
      []
    );
  } finally {
    await server.close();
  }
});

test("a built page without a SQL cell fetches no DuckDB file", async () => {
  const dir = await folder("phoenix-nosql-src-");
  await writeFile(
    join(dir, "plain.html"),
    '<!doctype html>\n<notebook>\n<title>plain</title>\n<script id="1" type="application/vnd.observable.javascript">\nanswer = 6 * 7\n</script>\n</notebook>\n'
  );
  const out = await folder("phoenix-nosql-out-");
  assert.equal(await build([join(dir, "plain.html"), "--out", out]), 0);
  const server = await serveStatic(out);
  try {
    const {page, requests} = await openPage(browser);
    await page.goto(`${server.origin}/plain.html`);
    await waitForCellText(page, 1, "42");
    assert.ok(requests.length > 1);
    assert.deepEqual(
      requests.filter((url) => /duckdb/i.test(url)),
      []
    );
  } finally {
    await server.close();
  }
});

test("a built page's SQL cell cannot fetch from another site: duckdb-wasm's worker runs under the page's policy", async () => {
  // Another site, on this machine: it counts what it is asked for.
  let asked = 0;
  const elsewhere = await serveStatic(await folder("phoenix-elsewhere-"), {
    handle: (_request, response) => {
      asked += 1;
      response
        .writeHead(200, {"Content-Type": "text/csv", "Access-Control-Allow-Origin": "*"})
        .end("who\nelsewhere\n");
      return true;
    }
  });
  const dir = await folder("phoenix-sql-fetch-src-");
  await writeFile(
    join(dir, "fetch.html"),
    `<!doctype html>\n<notebook>\n<title>fetch</title>\n` +
      `<script id="1" type="application/sql" output="own">\nSELECT 40 + 2 AS answer\n</script>\n` +
      `<script id="2" type="application/sql" output="remote">\nSELECT who FROM read_csv('${elsewhere.origin}/x.csv')\n</script>\n` +
      `</notebook>\n`
  );
  const out = await folder("phoenix-sql-fetch-out-");
  assert.equal(await build([join(dir, "fetch.html"), "--out", out, "--no-bake"]), 0);
  const server = await serveStatic(out);
  try {
    const {page} = await openPage(browser);
    await page.goto(`${server.origin}/fetch.html`);
    await waitForCellText(page, 1, "42");
    await page.waitForFunction(
      () => document.querySelector('.phx-cell[data-cell-id="2"]')?.getAttribute("data-status") === "rejected",
      null,
      {timeout: 60_000}
    );
    assert.doesNotMatch(
      await page.$eval('.phx-cell[data-cell-id="2"]', (cell) => cell.textContent ?? ""),
      /elsewhere/
    );
    assert.equal(asked, 0, "the other site was asked for nothing");
  } finally {
    await server.close();
    await elsewhere.close();
  }
});
