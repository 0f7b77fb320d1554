// The cluster explorer, drift timeline and feature-drift table in chromium on the digits example's results:
// each renders its data in order and turns a click, a key or a drag into its value and an `input` event.
import assert from "node:assert/strict";
import {before, test} from "node:test";
import type {Page} from "playwright-core";
import type {DigitsResults} from "../components/browser/digits.ts";
import type {ComponentsPage} from "../components/browser/page-main.ts";
import {componentsSite} from "./support/components-site.ts";

const site = componentsSite();
let results: DigitsResults;
let page: Page;
let errors: string[];

before(async () => {
  ({page, errors} = await site.mountViews());
  results = site.results;
});

const inputs = () => page.evaluate(() => (window as unknown as ComponentsPage).inputs.splice(0));
const valueOf = <T>(selector: string) =>
  page.$eval(
    selector,
    (view) => JSON.parse(JSON.stringify((view as unknown as {value: unknown}).value)) as T
  );

test("phx-cluster-explorer lists the clusters in summary order; click and Enter select", async () => {
  const rows = page.locator("phx-cluster-explorer button.row");
  assert.deepEqual(
    await rows.evaluateAll((buttons) => buttons.map((button) => Number(button.getAttribute("data-id")))),
    results.summary.map((s) => s.id)
  );
  await rows.nth(1).click();
  assert.equal((await valueOf<{id: number}>("phx-cluster-explorer")).id, results.summary[1]!.id);
  await rows.nth(1).press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.equal((await valueOf<{id: number}>("phx-cluster-explorer")).id, results.summary[2]!.id);
  assert.equal(await rows.nth(2).getAttribute("aria-pressed"), "true");
  assert.equal((await inputs()).length, 2);
  await page
    .locator("phx-cluster-explorer")
    .screenshot({path: "test-results/components-cluster-explorer.png"});
  assert.deepEqual(errors, []);
});

// One dataset has no drift: an empty "drift ratio reference ← → primary" column of "—" and "48% / —" shares
// said nothing but took a third of the row.
test("phx-cluster-explorer without a reference has no drift-ratio column and no reference share", async () => {
  await page.evaluate(() => (window as unknown as ComponentsPage).mountSingleExplorer());
  const explorer = page.locator("#single phx-cluster-explorer");
  await explorer.screenshot({path: "test-results/components-cluster-explorer-single.png"});
  const head = await explorer.locator(".head > span").allInnerTexts();
  assert.deepEqual(
    head.map((text) => text.replace(/\s+/g, " ").trim()),
    ["cluster", "size", "share production", "accuracy production"]
  );
  const first = results.summary[0]!;
  const row = explorer.locator("button.row").first();
  assert.equal(await row.locator(".bar").count(), 0, "no drift bar");
  const share = (100 * first.primaryShare!).toFixed(0);
  const text = (await row.innerText()).replace(/\s+/g, " ").trim();
  assert.ok(text.startsWith(`#${first.id} ${first.primaryCount} ${share}% `), text);
  assert.doesNotMatch(text, /—|\//, "no empty reference values");
  assert.doesNotMatch((await row.getAttribute("aria-label"))!, /drift|training/);
  // The next tests drag at page coordinates: leave the page as mountViews made it.
  await page.evaluate(() => (document.getElementById("single")!.remove(), scrollTo(0, 0)));
  assert.deepEqual(errors, []);
});

test("phx-drift-timeline draws its chart once as it opens, at the width of its box", async () => {
  const charts = await page.evaluate(() => (window as unknown as ComponentsPage).timelineCharts);
  const width = await page.locator("phx-drift-timeline").evaluate((view) => view.clientWidth);
  assert.deepEqual(charts, [String(width)]);
  assert.notEqual(width, 640); // the width it draws at without a layout
});

test("phx-drift-timeline: a drag across the chart picks that time window; a click the window of a point", async () => {
  const timeline = page.locator("phx-drift-timeline");
  const overlay = await page.locator("phx-drift-timeline .brush-overlay").boundingBox();
  assert.ok(overlay, "the brush covers the chart");
  const [x0, x1] = [Math.round(overlay.x + overlay.width * 0.3), Math.round(overlay.x + overlay.width * 0.6)];
  const y = overlay.y + overlay.height / 2;
  // The times under those pixels, from the chart's own x scale (the svg sits unscaled at its box).
  const expected = await timeline.evaluate(
    (view, [x0, x1]) => {
      const svg = view.shadowRoot!.querySelector("svg") as unknown as SVGSVGElement & {
        scale(name: "x"): {invert(x: number): Date};
      };
      const left = svg.getBoundingClientRect().left;
      return [+svg.scale("x").invert(x0! - left), +svg.scale("x").invert(x1! - left)];
    },
    [x0, x1]
  );
  await page.mouse.move(x0, y);
  await page.mouse.down();
  await page.mouse.move(x1, y, {steps: 6});
  await page.mouse.up();
  const brushed = await valueOf<{start: number; end: number}>("phx-drift-timeline");
  const minute = 60_000;
  assert.ok(Math.abs(brushed.start - expected[0]!) < 60 * minute, `start ${brushed.start} ≈ ${expected[0]}`);
  assert.ok(Math.abs(brushed.end - expected[1]!) < 60 * minute, `end ${brushed.end} ≈ ${expected[1]}`);
  await timeline.screenshot({path: "test-results/components-drift-timeline.png"});

  const fourth = results.series[3]!.timestamp;
  const at = await timeline.evaluate((view, t) => {
    const svg = view.shadowRoot!.querySelector("svg") as unknown as SVGSVGElement & {
      scale(name: "x"): {apply(t: Date): number};
    };
    return svg.getBoundingClientRect().left + svg.scale("x").apply(new Date(t));
  }, fourth);
  await page.mouse.click(at, y);
  const day = 86_400_000;
  // The window the point's drift measures (evaluationWindow: two days), not the one-day spacing of the points.
  assert.deepEqual(await valueOf("phx-drift-timeline"), {start: fourth - 2 * day, end: fourth});
  await timeline.press("Escape");
  assert.equal(await valueOf("phx-drift-timeline"), null);
  assert.equal((await inputs()).length, 3);
});

test("phx-feature-drift-table sorts by drift, flips on the header, and charts a feature's bins on click", async () => {
  const names = () => page.locator("phx-feature-drift-table button.feature").allTextContents();
  const descending = [...results.featureDrift].sort((a, b) => b.value - a.value).map((d) => d.feature);
  assert.deepEqual(await names(), descending);
  await page.locator("phx-feature-drift-table button.sort").click();
  assert.deepEqual(await names(), [...descending].reverse());
  await page.locator("phx-feature-drift-table button.sort").click();
  await page.locator("phx-feature-drift-table button.feature").first().click();
  assert.equal((await valueOf<{feature: string}>("phx-feature-drift-table")).feature, descending[0]);
  const bins = results.featureDrift.find((d) => d.feature === descending[0])!.bins;
  const kept = bins.labels.filter((_, i) => bins.primary[i] || bins.reference[i]).length;
  assert.equal(
    await page.locator("phx-feature-drift-table .bins g[aria-label=bar] rect").count(),
    2 * kept,
    "a bar per bin and dataset"
  );
  assert.equal((await inputs()).length, 1);
  await page
    .locator("phx-feature-drift-table")
    .screenshot({path: "test-results/components-feature-drift-table.png"});
  // The whole page once every test has used it (the fixture's after hook closes the browser first).
  await page.screenshot({path: "test-results/components-views.png", fullPage: true});
});
