// The digits notebook built as a static page: Parquet loaded in the browser, UMAP in a Web Worker, HDBSCAN,
// drift and the cluster table; a slider reclusters. Nothing leaves the static server.
import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import {test} from "node:test";
import {cellText, openPage, waitForCellText} from "./support/chromium.ts";
import {builtSite} from "./support/built-site.ts";

// Unbaked: this is the page computing everything itself (bake.test.ts covers the baked page).
const site = builtSite("digits", "notebooks/digits-drift.html", {args: ["--no-bake"]});

test("the digits notebook projects in a Web Worker, clusters, ranks clusters and reclusters on a slider", async () => {
  const {page, requests, errors} = await openPage(site.browser);
  await page.goto(`${site.origin}/digits-drift.html`);
  await waitForCellText(page, 7, "over the whole period");
  assert.match(await cellText(page, 7), /:\s+3\.87 over the whole period/);
  await waitForCellText(page, 19, "The most drifted cluster");
  const before = await cellText(page, 16);

  // The third range input is min cluster size; moving it reclusters (cell 16), not the projection.
  await page.$$eval("input[type=range]", (inputs) => {
    const input = inputs[2] as HTMLInputElement;
    input.value = "30";
    input.dispatchEvent(new Event("input", {bubbles: true}));
  });
  await page.waitForFunction(
    (text) => document.querySelector('.phx-cell[data-cell-id="16"]')?.textContent !== text,
    before,
    {timeout: 60_000}
  );
  await waitForCellText(page, 19, "The most drifted cluster");

  // Export: the button turns the cell into a download link for a Parquet file of the top cluster's rows.
  await page.getByRole("button", {name: "Export", exact: true}).click();
  const link = page.locator('.phx-cell[data-cell-id="28"] a.phx-export');
  await link.waitFor({timeout: 30_000});
  assert.match((await link.getAttribute("download")) ?? "", /^\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.parquet$/);
  assert.match(await link.innerText(), /^Download .*\.parquet \(\d+ rows\)$/);

  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/digits-drift.png", fullPage: true});
  assert.deepEqual(errors, []);
  assert.deepEqual(
    requests.filter((url) => new URL(url).origin !== site.origin),
    []
  );
  assert.ok(requests.some((url) => url.endsWith("/data/digits-production.parquet")));
  assert.ok(
    requests.some((url) => /worker|browser-host/i.test(url)),
    "the projection ran in a Web Worker"
  );
});
