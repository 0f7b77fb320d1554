// phx.selectionTable and phx.projectionSettings in chromium: the table lists the selected points' rows (checked
// against the Arrow tables read in Node), sorts, keeps hostile text as text, renders only the rows in view, and
// turns a click or Enter into its value; the settings take valid numbers and refuse the rest.
import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Browser, Page} from "playwright-core";
import type {SelectionPage} from "../components/browser/selection-page-main.ts";
import {digitsResults, type DigitsResults} from "../components/browser/digits.ts";
import {LONG_LABEL} from "../components/browser/layout.ts";
import {XSS} from "../components/selection-fixtures.ts";
import {serveBundledPage} from "./support/bundled-page.ts";
import {launchChromium, openPage} from "./support/chromium.ts";
import {lowContrast} from "./support/contrast.ts";
import {tabStops} from "./support/tab-stops.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
let results: DigitsResults;
let server: Awaited<ReturnType<typeof serveBundledPage>>;
let browser: Browser;
let page: Page;
let errors: string[];
let requests: string[];

before(async () => {
  results = await digitsResults();
  const script = `import ${JSON.stringify(join(root, "test/components/browser/selection-page-main.ts"))};\n`;
  server = await serveBundledPage(script, {
    body: ` style="margin: 16px; font-family: sans-serif"`,
    mounts: {"/data/": join(root, "notebooks/data")}
  });
  browser = await launchChromium();
  ({page, errors, requests} = await openPage(browser));
  await page.goto(server.origin);
  await mkdir("test-results", {recursive: true});
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const inputs = () => page.evaluate(() => (window as unknown as SelectionPage).inputs.splice(0));
const rowTexts = (column: number) =>
  page
    .locator("phx-selection-table [role=row][data-row]")
    .evaluateAll(
      (rows, column) =>
        rows
          .sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")))
          .map((row) => row.querySelectorAll("[role=gridcell]")[column]!.textContent!.trim()),
      column
    );

test("phx-selection-table lists the selected points' rows as the Arrow tables hold them", async () => {
  const {projection2: p, labels} = results;
  const selection = [0, 3, 450, 700, 12];
  await page.evaluate(
    ([points, selection, labels]) =>
      (window as unknown as SelectionPage).mountDigits(points, selection, labels),
    [{dataset: [...p.dataset], row: [...p.row]}, selection, [...labels]] as const
  );
  // Read another way: the point's dataset and row, then that row of the table Node loaded.
  const cell = (i: number, column: string) =>
    String(p.datasets[p.dataset[i]!]!.table.getChild(column)!.get(p.row[i]!));
  assert.deepEqual(
    await rowTexts(0),
    selection.map((i) => p.datasets[p.dataset[i]!]!.name)
  );
  assert.deepEqual(
    await rowTexts(1),
    selection.map((i) => String(labels[i]))
  );
  assert.deepEqual(
    await rowTexts(2),
    selection.map((i) => cell(i, "prediction_label"))
  );
  assert.deepEqual(
    await rowTexts(3),
    selection.map((i) => cell(i, "actual_label"))
  );
  // Each digit drawn from its 64 grey levels as an 8 × 8 PNG.
  const sizes = await page
    .locator("phx-selection-table [role=row] img")
    .evaluateAll((images) =>
      images.map(
        (img) => `${(img as HTMLImageElement).naturalWidth}×${(img as HTMLImageElement).naturalHeight}`
      )
    );
  assert.deepEqual(
    sizes,
    selection.map(() => "8×8")
  );
  await page.locator("phx-selection-table").screenshot({path: "test-results/selection-table-digits.png"});
  assert.deepEqual(errors, []);
});

// A right-aligned number against a left-aligned text read as one number: cluster 6 then prediction 2 was
// "6 2", 8 px apart. The gap between the two texts (measured on their text, not their boxes) is now 24 px.
test("phx-selection-table keeps a right-aligned column's text apart from the next, left-aligned one", async () => {
  const gaps = await page.locator("phx-selection-table [role=row]").evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("[role=gridcell], [role=columnheader]")];
      // Each cell's text, where it is drawn (an anonymous function: the page has no bundler's helpers).
      const [cluster, prediction] = [cells[1]!, cells[2]!].map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return range.getBoundingClientRect();
      });
      return prediction!.left - cluster!.right;
    })
  );
  assert.ok(gaps.length > 1, "the header and rows");
  for (const gap of gaps) assert.ok(gap >= 20, `cluster and prediction ${gap.toFixed(1)} px apart`);
  await page.locator("phx-selection-table").screenshot({path: "test-results/selection-table-columns.png"});
});

test("phx-selection-table sorts by a header click: ascending, descending, then as selected", async () => {
  await page.evaluate(() =>
    (window as unknown as SelectionPage).mountFixture(6, 1, {selection: [5, 0, 3, 1, 4, 2]})
  );
  const header = page.locator("phx-selection-table [role=columnheader] button", {hasText: "prompt"});
  const prompts = await rowTexts(3);
  await header.click();
  assert.deepEqual(
    await rowTexts(3),
    [...prompts].sort((a, b) => a.localeCompare(b, "en", {numeric: true}))
  );
  assert.equal(await page.locator("phx-selection-table [aria-sort=ascending]").count(), 1);
  await header.click();
  assert.deepEqual(
    await rowTexts(3),
    [...prompts].sort((a, b) => b.localeCompare(a, "en", {numeric: true}))
  );
  await header.click();
  assert.deepEqual(await rowTexts(3), prompts);
});

test("phx-selection-table shows markup as text and a javascript: link as neither link nor image", async () => {
  await page.evaluate(() => (window as unknown as SelectionPage).mountFixture(4, 1, {}));
  const table = page.locator("phx-selection-table");
  const first = table.locator("[role=row][data-row='0'][data-dataset='0']");
  assert.equal((await first.locator("[role=gridcell]").nth(3).textContent())!.trim().startsWith(XSS), true);
  assert.equal(await table.locator("img[src=x]").count(), 0);
  // Row 0's link is javascript:, row 1's a data:image/ PNG, row 2's https (a link: remoteImages is off), row 3's markup.
  assert.equal(await table.locator("[href^='javascript:'], [src^='javascript:']").count(), 0);
  assert.equal((await first.locator(".image").textContent())!.trim(), "javascript:window.__xss=2");
  assert.equal(
    await table.locator("[data-row='1'][data-dataset='0'] .image img[src^='data:image/png']").count(),
    1
  );
  assert.equal(
    await table
      .locator("[data-row='2'][data-dataset='0'] .image a[href='https://example.com/cat.png']")
      .count(),
    1
  );
  assert.equal(await table.locator("img[src^='https:']").count(), 0);
  await first.click();
  await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
  assert.equal(await page.evaluate(() => (window as unknown as SelectionPage).__xss), undefined);
  assert.ok(!requests.some((url) => url.includes("example.com")));
  await inputs();
});

test("phx-selection-table with remoteImages shows an https image URL as an image", async () => {
  await page.route("https://example.com/**", (route) => route.abort());
  await page.evaluate(() => (window as unknown as SelectionPage).mountFixture(3, 1, {remoteImages: true}));
  assert.equal(await page.locator("phx-selection-table img[src='https://example.com/cat.png']").count(), 1);
  await page.unroute("https://example.com/**");
});

test("phx-selection-table holds only the rows in view of 10,000, and scrolling brings others", async () => {
  await page.evaluate(() => (window as unknown as SelectionPage).mountFixture(6000, 4000, {}));
  const rows = page.locator("phx-selection-table [role=row][data-row]");
  const count = await rows.count();
  assert.ok(count > 0 && count < 50, `${count} rows in the DOM`);
  assert.equal(await page.locator("phx-selection-table [role=grid]").getAttribute("aria-rowcount"), "10001");
  await page
    .locator("phx-selection-table .scroller")
    .evaluate((scroller) => (scroller.scrollTop = 52 * 9000));
  await page.waitForSelector("phx-selection-table [role=row][data-dataset='1'][data-row='3000']");
  assert.ok((await rows.count()) < 50);
});

test("phx-selection-table: a click or Enter sets the value and fires input", async () => {
  await page.evaluate(() => (window as unknown as SelectionPage).mountFixture(3, 2, {}));
  await inputs();
  await page.locator("phx-selection-table [role=row][data-dataset='1'][data-row='1']").click();
  assert.deepEqual(await inputs(), [JSON.stringify({dataset: 1, row: 1, point: 4})]);
  await page.locator("phx-selection-table [role=grid]").focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.deepEqual(await inputs(), [JSON.stringify({dataset: 0, row: 1, point: 1})]);
  assert.equal(
    await page.locator("phx-selection-table [aria-selected=true]").getAttribute("aria-label"),
    "production row 1"
  );
});

test("phx-selection-table is two tab stops: its rows, and its headers; a row's button or link is one only in the active row", async () => {
  await page.evaluate(() => (window as unknown as SelectionPage).mountFixture(5, 3, {}));
  // The grid (its rows by aria-activedescendant), then one of the six column headers' sort buttons: the first.
  const grid = ["div.grid[8 selected rows]", "button[dataset]"];
  // Active row 0: production row 0, whose prompt is short and whose link is javascript: (shown as text).
  assert.deepEqual(await tabStops(page, "phx-selection-table"), grid);
  await page.locator("phx-selection-table [role=grid]").focus();
  await page.keyboard.press("ArrowDown");
  // Production row 1: its long prompt has a "more" button.
  assert.deepEqual(await tabStops(page, "phx-selection-table"), [
    ...grid,
    "button.more[show all of the prompt of production row 1]"
  ]);
  await page.locator("phx-selection-table [role=grid]").focus();
  await page.keyboard.press("ArrowDown");
  // Production row 2: its https link.
  assert.deepEqual(await tabStops(page, "phx-selection-table"), [...grid, "a[https://example.com/cat.png]"]);
  await page.locator("phx-selection-table [role=grid]").focus();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  assert.deepEqual(await inputs(), [JSON.stringify({dataset: 0, row: 1, point: 1})]);
  // The active row's "more" button still works from the keyboard: past the headers' one stop.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.match(
    (await page.locator("phx-selection-table .detail").getAttribute("aria-label")) ?? "",
    /^raw data of production row 1$/
  );
});

test("phx-selection-table's headers: the arrows move between them, Enter sorts, and Tab comes back to the sorted one", async () => {
  await page.evaluate(() =>
    (window as unknown as SelectionPage).mountFixture(6, 1, {selection: [5, 0, 3, 1, 4, 2]})
  );
  const prompts = await rowTexts(3);
  const focused = () =>
    page.$eval("phx-selection-table", (view) => view.shadowRoot!.activeElement?.textContent?.trim() ?? null);
  await page.locator("phx-selection-table [role=columnheader] button").first().focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await focused(), "prompt");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focused(), "actual");
  await page.keyboard.press("End");
  assert.equal(await focused(), "image");
  await page.keyboard.press("Home");
  assert.equal(await focused(), "dataset");
  // The arrows stay within the headers: Left at the first one does not leave it, nor move a row.
  await page.keyboard.press("ArrowLeft");
  assert.equal(await focused(), "dataset");
  for (let k = 0; k < 3; ++k) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  assert.deepEqual(
    await rowTexts(3),
    [...prompts].sort((a, b) => a.localeCompare(b, "en", {numeric: true}))
  );
  assert.equal(await focused(), "prompt ↑");
  // Leaving and coming back by Tab lands on the header last focused (the sorted one), not the first.
  assert.deepEqual(await tabStops(page, "phx-selection-table"), [
    "div.grid[6 selected rows]",
    "button[prompt ↑]"
  ]);
});

test("phx-selection-table cuts a 200-character dataset name with an ellipsis; its number column stays in view", async () => {
  const faults = await page.evaluate(() => (window as unknown as SelectionPage).mountLongLabels());
  await page
    .locator("phx-selection-table")
    .screenshot({path: "test-results/selection-table-long-labels.png"});
  assert.deepEqual(faults, []);
  // Each row is a grid of its own: the columns line up only if no row sizes them by its content.
  const lefts = await page
    .locator("phx-selection-table [role=row]")
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll("[role=gridcell], [role=columnheader]")].map((cell) =>
          Math.round(cell.getBoundingClientRect().left)
        )
      )
    );
  assert.equal(lefts.length, 6); // the header and 5 rows
  for (const row of lefts) assert.deepEqual(row, lefts[0]);
  const cell = page.locator("phx-selection-table [role=row][data-dataset='0'] [role=gridcell]").first();
  assert.equal(await cell.getAttribute("title"), LONG_LABEL);
  assert.equal(await cell.evaluate((cell) => cell.scrollWidth > cell.clientWidth), true);
});

// Code may set `selection` on the element (README); one naming a point the projection lacks showed the old rows
// and rejected updateComplete. It now says so in the view, in either scheme, and a valid selection clears it.
test("phx-selection-table shows a selection outside the projection as an alert instead of the old rows", async () => {
  await page.evaluate(() => (window as unknown as SelectionPage).mountFixture(3, 2, {selection: [0, 1, 2]}));
  const select = (selection: number[]) =>
    page.$eval(
      "phx-selection-table",
      async (view, selection) => {
        const table = view as unknown as {selection: number[]; updateComplete: Promise<boolean>};
        table.selection = selection;
        return table.updateComplete.then(
          () => "updated",
          (error: Error) => `rejected: ${error.message}`
        );
      },
      selection
    );
  const table = page.locator("phx-selection-table");
  assert.equal(await select([0, 9]), "updated");
  assert.equal(
    (await table.locator("[role=alert]").textContent())!.trim(),
    "Cannot list the rows: selectionTable: point 9 is outside the projection's 0…4"
  );
  assert.equal(await table.locator("[role=row]").count(), 0);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({colorScheme: scheme});
    assert.deepEqual(await lowContrast(page), [], `the alert, ${scheme}`);
    await table.screenshot({path: `test-results/selection-table-error-${scheme}.png`});
  }
  await page.emulateMedia({colorScheme: "light"});
  assert.equal(await select([4]), "updated");
  assert.equal(await table.locator("[role=alert]").count(), 0);
  assert.deepEqual(await rowTexts(0), ["training"]);
  assert.deepEqual(errors, []);
});

test("phx-projection-settings: a valid change sets the value and fires input; out of range is refused", async () => {
  await page.evaluate(() => (window as unknown as SelectionPage).mountSettings());
  const settings = page.locator("phx-projection-settings");
  const value = () => settings.evaluate((view) => (view as unknown as {value: unknown}).value);
  await settings.locator("input[name=nNeighbors]").fill("15");
  await settings.locator("input[name=nNeighbors]").press("Tab");
  await settings.locator("select[name=nComponents]").selectOption("3");
  assert.deepEqual(await value(), {
    project: {nComponents: 3, nNeighbors: 15, minDist: 0, samples: 500},
    cluster: {minClusterSize: 10, minSamples: 1, clusterSelectionEpsilon: 0}
  });
  assert.equal((await inputs()).length, 2);
  await settings.locator("input[name=minDist]").fill("1.5");
  await settings.locator("input[name=minDist]").press("Tab");
  assert.equal(await settings.locator("input[name=minDist]").getAttribute("aria-invalid"), "true");
  assert.match(
    (await settings.locator("#minDist-error").textContent())!,
    /min dist must be from 0 to 0.99, not 1.5/
  );
  assert.equal(((await value()) as {project: {minDist: number}}).project.minDist, 0);
  assert.deepEqual(await inputs(), []);
  await settings.screenshot({path: "test-results/projection-settings-light.png"});
});

test("every text of both views, their error and links too, has WCAG AA contrast in either scheme", async () => {
  for (const scheme of ["dark", "light"] as const) {
    await page.emulateMedia({colorScheme: scheme});
    // The fixture's rows 2 are an https link (remoteImages off); a refused value shows the settings' error.
    await page.evaluate(() => (window as unknown as SelectionPage).mountFixture(5, 3, {}));
    await page.locator("phx-selection-table button.more").first().click();
    assert.deepEqual(await lowContrast(page), [], `selection table, ${scheme}`);
    await page.evaluate(() => (window as unknown as SelectionPage).mountSettings());
    await page.locator("phx-projection-settings input[name=samples]").fill("50");
    await page.locator("phx-projection-settings input[name=samples]").press("Tab");
    await page.locator("phx-projection-settings #samples-error", {hasText: "samples"}).waitFor();
    assert.deepEqual(await lowContrast(page), [], `projection settings, ${scheme}`);
  }
  await page.emulateMedia({colorScheme: "light"});
});

test("both views follow prefers-color-scheme when no theme is set, and a theme attribute wins", async () => {
  const background = (selector: string) =>
    page.locator(selector).evaluate((view) => getComputedStyle(view).backgroundColor);
  await page.emulateMedia({colorScheme: "dark"});
  await page.evaluate(() =>
    (window as unknown as SelectionPage).mountFixture(5, 3, {selection: {primary: [1, 0, 2], reference: [2]}})
  );
  await page.locator("phx-selection-table button.more").first().click();
  assert.equal(await background("phx-selection-table"), "rgb(22, 24, 29)"); // palettes.dark.background #16181d
  await page.locator("phx-selection-table").screenshot({path: "test-results/selection-table-dark.png"});
  await page.evaluate(() => (window as unknown as SelectionPage).mountSettings("light"));
  assert.equal(await background("phx-projection-settings"), "rgb(255, 255, 255)");
  await page.evaluate(() => (window as unknown as SelectionPage).mountSettings());
  await page.locator("phx-projection-settings input[name=samples]").fill("50");
  await page.locator("phx-projection-settings input[name=samples]").press("Tab");
  assert.equal(await background("phx-projection-settings"), "rgb(22, 24, 29)");
  await page
    .locator("phx-projection-settings")
    .screenshot({path: "test-results/projection-settings-dark.png"});
  await page.emulateMedia({colorScheme: "light"});
  await page.evaluate(() =>
    (window as unknown as SelectionPage).mountFixture(5, 3, {selection: {primary: [1, 0, 2], reference: [2]}})
  );
  await page.locator("phx-selection-table button.more").first().click();
  await page.locator("phx-selection-table").screenshot({path: "test-results/selection-table-light.png"});
  assert.deepEqual(errors, []);
});
