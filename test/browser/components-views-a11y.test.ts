// The cluster explorer, drift timeline and feature-drift table in chromium: with no theme they follow
// prefers-color-scheme (an explicit theme wins), the keyboard alone picks a row or window and fires `input`,
// rows carry labels for screen readers, and empty or malformed data shows a state instead of an empty box.
import assert from "node:assert/strict";
import {before, test} from "node:test";
import type {Page} from "playwright-core";
import type {DigitsResults} from "../components/browser/digits.ts";
import {LONG_LABEL} from "../components/browser/layout.ts";
import type {ComponentsPage} from "../components/browser/page-main.ts";
import {componentsSite} from "./support/components-site.ts";
import {lowContrast} from "./support/contrast.ts";
import {tabStops} from "./support/tab-stops.ts";

const VIEWS = ["phx-cluster-explorer", "phx-drift-timeline", "phx-feature-drift-table"] as const;
const DARK = "rgb(22, 24, 29)"; // palettes.dark.background
const LIGHT = "rgb(255, 255, 255)";

const site = componentsSite();
let results: DigitsResults;
let page: Page;
let errors: string[];

before(async () => {
  ({page, errors} = await site.mountViews());
  results = site.results;
});

const inputs = () => page.evaluate(() => (window as unknown as ComponentsPage).inputs.splice(0));
const background = (selector: string) =>
  page.$eval(selector, (view) => getComputedStyle(view).backgroundColor);
const valueOf = <T>(selector: string) =>
  page.$eval(
    selector,
    (view) => JSON.parse(JSON.stringify((view as unknown as {value: unknown}).value)) as T
  );

test("with no theme, each view is dark under a dark prefers-color-scheme and light under a light one", async () => {
  await page.emulateMedia({colorScheme: "dark"});
  for (const view of VIEWS) assert.equal(await background(view), DARK, view);
  await page.screenshot({path: "test-results/components-views-dark.png", fullPage: true});
  await page.emulateMedia({colorScheme: "light"});
  for (const view of VIEWS) assert.equal(await background(view), LIGHT, view);
});

test("an explicit theme wins over prefers-color-scheme", async () => {
  await page.emulateMedia({colorScheme: "dark"});
  await page.$eval("phx-feature-drift-table", (view) => view.setAttribute("theme", "light"));
  assert.equal(await background("phx-feature-drift-table"), LIGHT);
  await page.$eval("phx-feature-drift-table", (view) => view.removeAttribute("theme"));
  assert.equal(await background("phx-feature-drift-table"), DARK);
  await page.emulateMedia({colorScheme: "light"});
});

test("the drift timeline's chart follows the scheme too (its line in the dark primary)", async () => {
  // The chart redraws a frame after the scheme changes (an earlier test switched it): wait for each color
  // rather than read it at once; a chart that did not follow would time the wait out.
  const strokeIs = (color: string) =>
    page.waitForFunction(
      (color) =>
        document
          .querySelector("phx-drift-timeline")!
          .shadowRoot!.querySelector(`g[aria-label="line"]`)!
          .getAttribute("stroke") === color,
      color,
      {timeout: 10_000}
    );
  await page.emulateMedia({colorScheme: "light"});
  await strokeIs("#00add0");
  await page.emulateMedia({colorScheme: "dark"});
  await strokeIs("#05fbff");
  await page.emulateMedia({colorScheme: "light"});
  await strokeIs("#00add0");
});

test("cluster explorer: Home, End and the arrows move between rows; Enter picks one and fires input", async () => {
  const rows = page.locator("phx-cluster-explorer button.row");
  await rows.first().focus();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  assert.equal((await valueOf<{id: number}>("phx-cluster-explorer")).id, results.summary.at(-2)!.id);
  assert.equal((await inputs()).length, 1);
  const first = results.summary[0]!;
  const label = await rows.first().getAttribute("aria-label");
  assert.match(label ?? "", new RegExp(`^cluster ${first.id}, ${first.size} points, drift ratio`));
});

test("drift timeline: the arrow keys pick the window of the next and previous point and fire input", async () => {
  await page.$eval("phx-drift-timeline", (view) => ((view as unknown as {value: null}).value = null));
  await page.locator("phx-drift-timeline").first().focus();
  const day = 86_400_000;
  // The window each point's drift measures: its evaluationWindow, two days (the points are a day apart).
  const window = (k: number) => ({
    start: results.series[k]!.timestamp - 2 * day,
    end: results.series[k]!.timestamp
  });
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await valueOf("phx-drift-timeline"), window(0));
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowLeft");
  assert.deepEqual(await valueOf("phx-drift-timeline"), window(1));
  await page.keyboard.press("End");
  assert.deepEqual(await valueOf("phx-drift-timeline"), window(results.series.length - 1));
  assert.equal((await inputs()).length, 5);
  assert.equal(await page.locator("phx-drift-timeline").getAttribute("role"), "group");
  assert.match(
    (await page.locator("phx-drift-timeline").getAttribute("aria-label")) ?? "",
    /^embedding drift over/
  );
});

test("feature drift table: Down moves to the next feature; Enter shows it and fires input", async () => {
  const features = page.locator("phx-feature-drift-table button.feature");
  const descending = [...results.featureDrift].sort((a, b) => b.value - a.value).map((d) => d.feature);
  await features.first().focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  assert.equal((await valueOf<{feature: string}>("phx-feature-drift-table")).feature, descending[1]);
  assert.equal(await features.nth(1).getAttribute("aria-pressed"), "true");
  assert.equal((await inputs()).length, 1);
  assert.match((await features.first().getAttribute("aria-label")) ?? "", new RegExp(`^${descending[0]}, `));
});

test("no data and malformed data show a state, not an empty box or a thrown render", async () => {
  await page.evaluate(() => (window as unknown as ComponentsPage).mountStates());
  const texts = await page.$$eval("#states > *", (views) =>
    views.map((view) => view.shadowRoot!.querySelector(".state, .empty-list")?.textContent?.trim() ?? "")
  );
  assert.deepEqual(texts, [
    "No clusters.",
    "No drift series to draw.",
    "No features to compare.",
    "No drift to draw: every window is empty.",
    "Cannot show the clusters: the summary is not a list (px.clusterSummary's result).",
    "Cannot show the features: the drift is not a list (px.featureDrift's result).",
    "Cannot draw the drift: the series is not a list of {timestamp, value, count}."
  ]);
  assert.deepEqual(errors, []);
});

test("cluster explorer is one tab stop: the picked row, else the first; the arrows move it and Enter picks", async () => {
  const explorer = "phx-cluster-explorer";
  const {summary} = results;
  const rowOf = (id: number) => new RegExp(`^button\\.row\\[cluster ${id}, `);
  const unpick = () =>
    page.$eval(explorer, async (view) => {
      (view as unknown as {value: null}).value = null;
      await (view as unknown as {updateComplete: Promise<boolean>}).updateComplete;
    });
  await unpick();
  const stops = await tabStops(page, explorer);
  assert.equal(stops.length, 1, stops.join(", "));
  assert.match(stops[0]!, rowOf(summary[0]!.id));
  await page.locator(`${explorer} button.row`).first().focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const moved = await tabStops(page, explorer);
  assert.equal(moved.length, 1, moved.join(", "));
  assert.match(moved[0]!, rowOf(summary[2]!.id));
  await page.keyboard.press("Shift+Tab"); // back from the next view's first stop onto this one's
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  assert.equal((await valueOf<{id: number}>(explorer)).id, summary.at(-1)!.id);
  assert.equal((await inputs()).length, 1);
  // A pick made elsewhere (phx.linkClusters sets the value as a point is clicked) moves the stop to it.
  await page.locator("phx-drift-timeline").first().focus();
  await page.$eval(
    explorer,
    async (view, id) => {
      const v = view as unknown as {
        summary: {id: number}[];
        value: unknown;
        updateComplete: Promise<boolean>;
      };
      v.value = v.summary.find((s) => s.id === id);
      await v.updateComplete;
    },
    summary[1]!.id
  );
  const picked = await tabStops(page, explorer);
  assert.equal(picked.length, 1, picked.join(", "));
  assert.match(picked[0]!, rowOf(summary[1]!.id));
  await unpick();
});

test("feature drift table: its sort button and one feature are the tab stops; the arrows move it, Enter picks", async () => {
  const table = "phx-feature-drift-table";
  const descending = [...results.featureDrift].sort((a, b) => b.value - a.value).map((d) => d.feature);
  await page.$eval(table, async (view) => {
    (view as unknown as {value: null}).value = null;
    await (view as unknown as {updateComplete: Promise<boolean>}).updateComplete;
  });
  const feature = (name: string) => new RegExp(`^button\\.feature\\[${name}, `);
  const stops = await tabStops(page, table);
  assert.equal(stops.length, 2, stops.join(", "));
  assert.match(stops[0]!, /^button\.sort\[/);
  assert.match(stops[1]!, feature(descending[0]!));
  await page.locator(`${table} button.feature`).first().focus();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowUp");
  const moved = await tabStops(page, table);
  assert.equal(moved.length, 2, moved.join(", "));
  assert.match(moved[1]!, feature(descending.at(-2)!));
  await page.locator(`${table} button.feature[tabindex="0"]`).first().focus();
  await page.keyboard.press("Home");
  await page.keyboard.press(" ");
  assert.equal((await valueOf<{feature: string}>(table)).feature, descending[0]);
  assert.equal((await inputs()).length, 1);
  await page.$eval(table, async (view) => {
    (view as unknown as {value: null}).value = null;
    await (view as unknown as {updateComplete: Promise<boolean>}).updateComplete;
  });
  await inputs();
});

// Rows were rendered by position: after new data in another order, the focused button stayed in its slot and
// showed another item, with tabindex −1, and Enter picked that item.
const keyed = {explorer: "#keyed phx-cluster-explorer", table: "#keyed phx-feature-drift-table"};
const updateKeyed = (ids: number[], psi: Record<string, number>) =>
  page.evaluate(([ids, psi]) => (window as unknown as ComponentsPage).updateKeyed(ids, psi), [
    ids,
    psi
  ] as const);
// The focused row of a view: its key (cluster id or feature name) and tabindex; null when no row has the focus.
const focusedRow = (selector: string) =>
  page.$eval(selector, (view) => {
    const at = view.shadowRoot!.activeElement;
    if (!at?.matches("button.row, button.feature")) return null;
    return {
      key: at.getAttribute("data-id") ?? at.getAttribute("data-feature"),
      tabindex: at.getAttribute("tabindex")
    };
  });

test("cluster explorer: new data in another order keeps the focus on its cluster, and Enter picks that one", async () => {
  await page.evaluate(() => (window as unknown as ComponentsPage).mountKeyed());
  await page.locator(`${keyed.explorer} button.row`).first().focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await focusedRow(keyed.explorer), {key: "5", tabindex: "0"});
  await updateKeyed([5, 7, 1, 2], {a: 0.3, b: 0.2, c: 0.1});
  assert.deepEqual(await focusedRow(keyed.explorer), {key: "5", tabindex: "0"});
  await page.keyboard.press("Enter");
  assert.equal((await valueOf<{id: number}>(keyed.explorer)).id, 5);
  // Gone from the new data: the focus goes to the cluster after it in the order the reader saw (7).
  await updateKeyed([1, 2, 7], {a: 0.3, b: 0.2, c: 0.1});
  assert.deepEqual(await focusedRow(keyed.explorer), {key: "7", tabindex: "0"});
  await page.keyboard.press("Enter");
  assert.equal((await valueOf<{id: number}>(keyed.explorer)).id, 7);
});

test("feature drift table: new drift in another order keeps the focus on its feature, and Enter shows that one", async () => {
  await page.locator(`${keyed.table} button.feature`).first().focus();
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await focusedRow(keyed.table), {key: "b", tabindex: "0"});
  await updateKeyed([1, 2, 5, 7], {a: 0.1, b: 0.5, c: 0.4});
  assert.deepEqual(await focusedRow(keyed.table), {key: "b", tabindex: "0"});
  await page.keyboard.press("Enter");
  assert.equal((await valueOf<{feature: string}>(keyed.table)).feature, "b");
  // Gone: the feature after it in the order the reader saw (c, then a).
  await updateKeyed([1, 2, 5, 7], {a: 0.1, c: 0.4});
  assert.deepEqual(await focusedRow(keyed.table), {key: "c", tabindex: "0"});
  await page.keyboard.press("Enter");
  assert.equal((await valueOf<{feature: string}>(keyed.table)).feature, "c");
  await page.$eval("#keyed", (box) => box.remove());
});

test("a 200-character label is cut with an ellipsis (full text in its title): views and numbers stay in the box", async () => {
  await page.emulateMedia({colorScheme: "light"});
  const faults = await page.evaluate(() => (window as unknown as ComponentsPage).mountLongLabels());
  await page.locator("#long").screenshot({path: "test-results/views-long-labels.png"});
  assert.deepEqual(faults, {explorer: [], table: []});
  const feature = page.locator(`#long phx-feature-drift-table button.feature`).first();
  assert.equal(await feature.getAttribute("title"), LONG_LABEL);
  const cut = await feature.evaluate((button) => ({
    clipped: button.scrollWidth > button.clientWidth,
    ellipsis: getComputedStyle(button).textOverflow
  }));
  assert.deepEqual(cut, {clipped: true, ellipsis: "ellipsis"});
  const heads = await page
    .locator("#long phx-cluster-explorer .head [title]")
    .evaluateAll((spans) => spans.map((span) => span.getAttribute("title")));
  assert.deepEqual(heads, [
    `drift ratio: training ← → ${LONG_LABEL}`,
    `share: ${LONG_LABEL} / training`,
    `${LONG_LABEL}: ${LONG_LABEL} / training`
  ]);
  await page.$eval("#long", (box) => box.remove());
});

// Fixed widths for kind and value and a 40% bar left the names nothing at a narrow host: at 360 px the
// feature button was 0 px wide, at 400 px 20 px ("a…"), and the "feature" header ran over "kind".
test("feature drift table at 360 and 400 px keeps room for the feature names, its headers apart", async () => {
  const widths = [360, 400, 700];
  const tables = await page.evaluate(
    (widths) => (window as unknown as ComponentsPage).mountNarrow(widths),
    widths
  );
  for (const width of widths)
    await page
      .locator(`#narrow [data-width="${width}"]`)
      .screenshot({path: `test-results/feature-drift-table-${width}.png`});
  for (const {width, features, cut, overlaps, faults} of tables) {
    assert.ok(Math.min(...features) >= 80, `${width} px: feature buttons ${features.join(", ")} px wide`);
    assert.deepEqual(cut, [], `${width} px: names cut`);
    assert.deepEqual(overlaps, [], `${width} px`);
    assert.deepEqual(faults, [], `${width} px`);
  }
  for (const scheme of ["dark", "light"] as const) {
    await page.emulateMedia({colorScheme: scheme});
    await page.evaluate(() => (window as unknown as ComponentsPage).frames());
    assert.deepEqual(await lowContrast(page), [], scheme);
  }
  await page.emulateMedia({colorScheme: "light"});
  await page.$eval("#narrow", (box) => box.remove());
});

test("every text of the views and their states has WCAG AA contrast (4.5:1, 3:1 large) in either scheme", async () => {
  await page.evaluate(() => (window as unknown as ComponentsPage).mountStates());
  for (const scheme of ["dark", "light"] as const) {
    await page.emulateMedia({colorScheme: scheme});
    await page.evaluate(() => (window as unknown as ComponentsPage).frames());
    assert.deepEqual(await lowContrast(page), [], scheme);
  }
  await page.emulateMedia({colorScheme: "light"});
});
