// The digits notebook built as a static page: Parquet loaded in the browser, UMAP in a Web Worker, HDBSCAN,
// drift and the cluster table; the settings panel reclusters and a drift timeline window re-projects. Nothing
// leaves the static server.
import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import {test} from "node:test";
import {cellText, openPage, waitForCellText} from "./support/chromium.ts";
import {builtSite} from "./support/built-site.ts";

// Unbaked: this is the page computing everything itself (bake.test.ts covers the baked page).
const site = builtSite("digits", "notebooks/digits-drift.html", {args: ["--no-bake"]});

test("the digits notebook projects in a Web Worker, clusters, ranks clusters, reclusters from its settings and re-projects a timeline window", async () => {
  const {page, requests, errors} = await openPage(site.browser);
  await page.goto(`${site.origin}/digits-drift.html`);
  await waitForCellText(page, 7, "over the whole period");
  assert.match(await cellText(page, 7), /is\s+3\.87 over the whole period/);
  await waitForCellText(page, 19, "The most drifted cluster");
  const before = await cellText(page, 16);

  // Min cluster size, typed in the settings panel and left, reclusters (cell 16).
  const field = page.locator("phx-projection-settings input[name=minClusterSize]");
  await field.fill("30");
  await field.press("Tab");
  await page.waitForFunction(
    (text) => document.querySelector('.phx-cell[data-cell-id="16"]')?.textContent !== text,
    before,
    {timeout: 60_000}
  );
  await waitForCellText(page, 19, "The most drifted cluster");

  // End on the focused timeline picks the last two-day window: the cloud then holds only that window's
  // production images (their timestamps read from the Arrow table in the page).
  await page.locator("phx-drift-timeline").focus();
  await page.keyboard.press("End");
  await waitForCellText(page, 11, "Production images (from");
  const windowed = await page.waitForFunction(
    () => {
      type Cloud = {
        projection: {
          dataset: Uint8Array;
          row: Int32Array;
          options: {timeRange?: {start: number; end: number}};
          datasets: {table: {getChild(name: string): {get(row: number): unknown}}}[];
        };
      };
      const cloud = document.querySelector("phx-point-cloud") as unknown as Cloud;
      const picked = (document.querySelector("phx-drift-timeline") as unknown as {value: unknown}).value;
      const {projection} = cloud;
      if (JSON.stringify(projection.options.timeRange) !== JSON.stringify(picked)) return null;
      const times = projection.datasets[0]!.table.getChild("prediction_ts");
      const primary = Array.from(projection.row).filter((_, i) => projection.dataset[i] === 0);
      return {window: projection.options.timeRange!, times: primary.map((row) => Number(times.get(row)))};
    },
    null,
    {timeout: 60_000}
  );
  const {window, times} = (await windowed.jsonValue())!;
  assert.ok(times.length > 0);
  assert.ok(
    times.every((t) => t >= window.start && t < window.end),
    "every production point is in the window"
  );

  // Export: the button turns the cell into a download link for a Parquet file of the top cluster's rows.
  await page.getByRole("button", {name: "Export", exact: true}).click();
  const link = page.locator('.phx-cell[data-cell-id="28"] a.phx-export');
  await link.waitFor({timeout: 30_000});
  assert.match((await link.getAttribute("download")) ?? "", /^\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.parquet$/);
  assert.match(await link.innerText(), /^Download .*\.parquet \(\d+ rows\)$/);

  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/digits-drift.png", fullPage: true});
  // The page follows the reader's scheme as the views do: in dark, the page's background is the point
  // cloud's (the views' dark palette, src/components/theme.ts), not a white page around dark views.
  const backgrounds = () =>
    page.evaluate(() => {
      const cloud = document.querySelector("phx-point-cloud");
      return [document.body, cloud].map((e) => (e ? getComputedStyle(e).backgroundColor : null));
    });
  assert.deepEqual(await backgrounds(), ["rgb(255, 255, 255)", "rgb(255, 255, 255)"]);
  await page.emulateMedia({colorScheme: "dark"});
  assert.deepEqual(await backgrounds(), ["rgb(22, 24, 29)", "rgb(22, 24, 29)"]);
  await page.screenshot({path: "test-results/digits-drift-dark.png", fullPage: true});
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
