// The warnings a cell's value carries (a dataset's duplicate prediction id, UMAP's truncated nNeighbors),
// shown under that cell in a built page, as text, and nowhere else.
import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import {test} from "node:test";
import type {Page} from "playwright-core";
import {builtSite} from "./support/built-site.ts";
import {openPage, waitForCellText} from "./support/chromium.ts";
import {lowContrast} from "./support/contrast.ts";

const site = builtSite("cell-warnings", "test/fixtures/notebooks/warnings/warnings.html", {
  args: ["--no-bake"]
});

/** Each cell's warning lines by id, for the cells that show some. */
function shownWarnings(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval(".phx-cell", (cells) =>
    Object.fromEntries(
      cells.flatMap((cell) => {
        const note = cell.querySelector<HTMLElement>(".phx-warnings");
        if (!note || note.hidden) return [];
        const lines = [...note.querySelectorAll("li")].map((li) => li.textContent ?? "");
        return [[(cell as HTMLElement).dataset.cellId!, lines]];
      })
    )
  );
}

test("a cell's warnings show under it, as text, only under the cell whose own value has them", async () => {
  const {page, errors} = await openPage(site.browser);
  await page.goto(`${site.origin}/warnings.html`);
  await waitForCellText(page, 9, "The end: 12 rows, 12 in training.");
  await page.waitForSelector(".phx-cell[data-cell-id='5'][data-status='fulfilled']", {timeout: 60_000});
  const duplicate = 'column "prediction_id": duplicate prediction ids: "production-0433" at rows 2 and 7';
  // Before: no cell showed a warning.
  assert.deepEqual(await shownWarnings(page), {
    "2": [duplicate],
    // 12 points, nNeighbors 30: each point's 11 others are all it has.
    "4": [
      "nNeighbors 30 is more than the 12 points projected allow: truncated to 11 (n − 1), as umap-learn does"
    ],
    // Not 5: the view (Inputs.input(projection)) is that cell's value, not the projection it holds.
    "6": [
      'column "id": duplicate prediction ids: "<img src=x onerror=window.__pwned=1>" at rows 0 and 1; ' +
        '"javascript:window.__pwned=2" at rows 2 and 3'
    ],
    "7": [`training: ${duplicate}`],
    "8": [
      "warning 1 of 12",
      "warning 2 of 12",
      "warning 3 of 12",
      "warning 4 of 12",
      "warning 5 of 12",
      "and 7 more"
    ]
  });
  assert.equal(
    await page.locator(".phx-warnings img, .phx-warnings a").count(),
    0,
    "hostile text stays text"
  );
  assert.equal(await page.evaluate(() => (window as {__pwned?: unknown}).__pwned), undefined);
  assert.equal(await page.getAttribute(".phx-cell[data-cell-id='2'] .phx-warnings", "role"), "status");

  await mkdir("test-results", {recursive: true});
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({colorScheme});
    assert.deepEqual(await lowContrast(page), [], colorScheme);
    await page.screenshot({path: `test-results/cell-warnings-${colorScheme}.png`, fullPage: true});
  }
  assert.deepEqual(errors, []);
});
