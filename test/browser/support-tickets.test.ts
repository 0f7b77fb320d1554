// The support-tickets notebook built as a static page: the texts embedded in a worker, projected, clustered;
// picking the most drifted cluster in the explorer puts its tickets in the selection table. What the table
// shows is checked against the Parquet files read here, in Node: the rows' texts, and their true topics.
import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import {test} from "node:test";
import type {Page} from "playwright-core";
import {load} from "../../src/cells/dataset/load.ts";
import type {Dataset} from "../../src/cells/dataset/dataset.ts";
import {openPage, waitForCellText} from "./support/chromium.ts";
import {builtSite} from "./support/built-site.ts";

const site = builtSite("tickets", "notebooks/support-tickets.html", {
  chromiumArgs: ["--enable-unsafe-swiftshader"]
});
const data = (name: string) => `notebooks/data/support-tickets-${name}.parquet`;
const datasets: Dataset[] = [await load(data("production")), await load(data("training"))];
const column = (dataset: number, name: string, row: number) =>
  String(datasets[dataset]!.table.getChild(name)!.get(row));

const EXPLORER = '.phx-cell[data-cell-id="23"] phx-cluster-explorer';
const TABLE = '.phx-cell[data-cell-id="26"] phx-selection-table';

/** The table's rows in the DOM (it is virtualized): dataset, row and the raw-data cell's text. */
function tableRows(page: Page) {
  return page.$$eval(`${TABLE} [role=row][data-row]`, (rows) =>
    rows.map((row) => ({
      dataset: Number(row.getAttribute("data-dataset")),
      row: Number(row.getAttribute("data-row")),
      cells: [...row.querySelectorAll("[role=gridcell]")].map((cell) => cell.textContent?.trim() ?? "")
    }))
  );
}

/** A cell's box in page coordinates (a full-page clip's), wherever the page is scrolled. */
function pageBox(page: Page, id: number) {
  return page.$eval(`.phx-cell[data-cell-id="${id}"]`, (cell) => {
    const box = cell.getBoundingClientRect();
    return {x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height};
  });
}

async function pickCluster(page: Page, index: number): Promise<{id: string; size: number}> {
  const button = page.locator(`${EXPLORER} button.row`).nth(index);
  await button.click();
  const id = (await button.getAttribute("data-id"))!;
  const size = Number((await button.locator(".num").first().textContent())!.replace(/\D/g, ""));
  // The table's cell re-runs with the picked cluster's points: header + one row per point.
  await page.locator(`${TABLE} [role=grid][aria-rowcount="${size + 1}"]`).waitFor({timeout: 30_000});
  return {id, size};
}

test("picking the most drifted cluster shows its tickets, on the production-only topic, in the selection table", async () => {
  const {page, errors, requests} = await openPage(site.browser);
  await page.goto(`${site.origin}/support-tickets.html`);
  await waitForCellText(page, 22, "The most drifted cluster");
  await page.locator(`${TABLE} [role=row][data-row]`).first().waitFor({timeout: 30_000});

  // Another cluster first, so that the top one's rows come from a pick, not from the default.
  const other = await pickCluster(page, 1);
  const top = await pickCluster(page, 0);
  assert.notEqual(other.id, top.id);
  const rows = await tableRows(page);
  assert.ok(rows.length >= 5, `${rows.length} rows in the DOM`);
  const textColumn = await page.$$eval(`${TABLE} [role=columnheader]`, (headers) =>
    headers.findIndex((h) => h.textContent?.includes("raw data"))
  );
  assert.ok(textColumn >= 0, "a raw data column");
  for (const row of rows) {
    assert.equal(row.dataset, 0, "the top cluster is production only");
    // The cell shows the ticket's text (clamped by CSS, whole in the DOM) and the cluster's id.
    assert.ok(
      row.cells[textColumn]!.startsWith(column(0, "text", row.row).slice(0, 40)),
      row.cells[textColumn]!
    );
    assert.ok(row.cells.includes(top.id), `cluster ${top.id} in ${row.cells.join(" | ")}`);
  }
  const onNewTopic = rows.filter((row) => column(0, "topic", row.row) === "rewards").length;
  assert.ok(onNewTopic / rows.length >= 0.9, `${onNewTopic} of ${rows.length} on rewards`);

  await mkdir("test-results", {recursive: true});
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({colorScheme: scheme});
    await page.waitForTimeout(300); // the views redraw on the scheme's change
    await page.screenshot({path: `test-results/support-tickets-${scheme}.png`, fullPage: true});
    // The workbench part: the cloud, the cluster explorer and the table of the picked cluster's tickets.
    const from = await pageBox(page, 20);
    const to = await pageBox(page, 26);
    await page.screenshot({
      path: `test-results/support-tickets-workbench-${scheme}.png`,
      fullPage: true,
      clip: {x: from.x - 8, y: from.y - 8, width: from.width + 16, height: to.y + to.height - from.y + 16}
    });
  }
  assert.deepEqual(errors, []);
  assert.deepEqual(
    requests.filter((url) => new URL(url).origin !== site.origin),
    []
  );
});
