// Every view built in happy-dom (as the headless runner has it): no WebGL, no layout. Each must construct,
// render without throwing, expose its value and summarize itself as text.
import assert from "node:assert/strict";
import {test} from "node:test";
import {toJson} from "../../src/runtime/headless/summarize.ts";
import {installHeadlessDom} from "../../src/runtime/stdlib/headless-dom.ts";
import {mounted} from "./mounted.ts";
import {tinyDrift, tinyProjection, tinySeries, tinySummary} from "./fixtures.ts";

installHeadlessDom();
// lit takes the DOM it finds when its classes are defined: import it only once happy-dom is in place.
const {phx} = await import("../../src/bindings/phx.ts");

const shadowText = (element: Element) => (element.shadowRoot?.textContent ?? "").replace(/\s+/g, " ");

test("phx.pointCloud() without WebGL shows a text fallback and keeps its value", async () => {
  const cloud = await mounted(phx.pointCloud(tinyProjection(), {value: [3, 1, 1, 9]}));
  assert.match(
    shadowText(cloud),
    /4 points in 2-D \(production 2, training 2\), 2 selected\. WebGL is unavailable/
  );
  assert.deepEqual([...cloud.value], [1, 3]);
  cloud.value = [0];
  assert.ok(cloud.value instanceof Int32Array);
  assert.deepEqual(toJson(cloud), {
    type: "element",
    tag: "phx-point-cloud",
    text: "4 points in 2-D (production 2, training 2), 1 selected"
  });
});

test("<phx-point-cloud> keeps a value set before its projection, within the projection's points", async () => {
  const cloud = document.createElement("phx-point-cloud");
  cloud.value = [9, 2];
  cloud.projection = tinyProjection();
  await mounted(cloud);
  assert.deepEqual([...cloud.value], [2]);
});

test("phx.pointCloud() names a bad option before making an element", () => {
  assert.throws(() => phx.pointCloud(tinyProjection(), {colorBy: "cluster"}), /needs clusters/);
});

test("phx.clusterExplorer() lists clusters in summary order; clicking selects, again deselects", async () => {
  const explorer = await mounted(phx.clusterExplorer(tinySummary(), {metricLabel: "accuracy"}));
  const rows = [...explorer.shadowRoot!.querySelectorAll("button.row")];
  assert.deepEqual(
    rows.map((row) => row.getAttribute("data-id")),
    ["1", "0"]
  );
  assert.match(rows[0]!.textContent!.replace(/\s+/g, " "), /#1 2 \+1\.00 100% \/ 0% 0\.5 \/ —/);
  let inputs = 0;
  explorer.addEventListener("input", () => ++inputs);
  (rows[1] as HTMLButtonElement).click();
  assert.equal(explorer.value?.id, 0);
  (rows[1] as HTMLButtonElement).click();
  assert.deepEqual([explorer.value, inputs], [null, 2]);
  assert.match(explorer.toJSON().text, /^2 clusters: #1 \(2 points, drift \+1\.00\), #0 .*; selected: none$/);
});

test("phx.driftTimeline() draws a Plot line and starts with no window", async () => {
  const timeline = await mounted(phx.driftTimeline(tinySeries(), {label: "embedding drift"}));
  assert.equal(timeline.value, null);
  assert.ok(timeline.shadowRoot!.querySelector("svg path"), "a line");
  assert.equal(
    timeline.toJSON().text,
    "embedding drift over 4 windows, 1970-01-11 00:00 … 1970-01-14 00:00; window: none (drag, click or arrow keys to pick)"
  );
});

test("phx.featureDriftTable() sorts by value, flips on the header, shows bins on click", async () => {
  const table = await mounted(phx.featureDriftTable(tinyDrift()));
  const features = () =>
    [...table.shadowRoot!.querySelectorAll("button.feature")].map((button) => button.textContent);
  assert.deepEqual(features(), ["brightness", "prediction_score", "ink"]);
  table.shadowRoot!.querySelector<HTMLButtonElement>("button.sort")!.click();
  await table.updateComplete;
  assert.deepEqual(features(), ["ink", "prediction_score", "brightness"]);
  table.shadowRoot!.querySelector<HTMLButtonElement>("button.feature")!.click();
  await table.updateComplete;
  assert.equal(table.value?.feature, "ink");
  assert.ok(table.shadowRoot!.querySelector(".bins svg"), "the bins chart");
  assert.equal(table.toJSON().text, "3 features by PSI: ink 0.02, prediction_score 0.1, brightness 0.3");
});

test("every phx function rejects an unknown option, naming the closest known one", () => {
  const typo = (options: Record<string, unknown>) => options as never;
  const cases: [() => unknown, string][] = [
    [
      () => phx.pointCloud(tinyProjection(), typo({colourBy: "dataset"})),
      'phx.pointCloud: unknown option "colourBy" (did you mean "colorBy"?)'
    ],
    [
      () => phx.clusterExplorer(tinySummary(), typo({metricLable: "a"})),
      'phx.clusterExplorer: unknown option "metricLable" (did you mean "metricLabel"?)'
    ],
    [
      () => phx.driftTimeline(tinySeries(), typo({windw: 1})),
      'phx.driftTimeline: unknown option "windw" (did you mean "window"?)'
    ],
    [
      () => phx.featureDriftTable(tinyDrift(), typo({ordr: "ascending"})),
      'phx.featureDriftTable: unknown option "ordr" (did you mean "order"?)'
    ]
  ];
  for (const [call, message] of cases) assert.throws(call, {name: "TypeError", message});
});

// "1 windows" read as a typo: each view's text says one thing in the singular.
test("the views count one of a thing in the singular: 1 window, 1 feature, 1 cluster, 1 point", async () => {
  const timeline = await mounted(phx.driftTimeline(tinySeries().slice(0, 1), {label: "embedding drift"}));
  assert.match(timeline.toJSON().text, /^embedding drift over 1 window, /);
  const table = await mounted(phx.featureDriftTable(tinyDrift().slice(0, 1)));
  assert.equal(table.toJSON().text, "1 feature by PSI: ink 0.02");
  const one = {...tinySummary()[0]!, size: 1, primaryCount: 1, points: Int32Array.of(0)};
  const explorer = await mounted(phx.clusterExplorer([one]));
  assert.match(explorer.toJSON().text, /^1 cluster: #1 \(1 point, drift \+1\.00\); selected: none$/);
  assert.match(explorer.shadowRoot!.querySelector("button.row")!.getAttribute("aria-label")!, /, 1 point,/);
  const single = {...tinyProjection(), coordinates: Float32Array.of(0, 0), dataset: Uint8Array.of(0)};
  const cloud = await mounted(phx.pointCloud({...single, row: Int32Array.of(10)}));
  assert.equal(cloud.toJSON().text, "1 point in 2-D (production 1, training 0), 0 selected");
});

test("phx.clusterExplorer() without a reference summarizes no drift", async () => {
  const single = {...tinySummary()[0]!, driftRatio: null, referenceShare: null};
  const explorer = await mounted(phx.clusterExplorer([single]));
  assert.equal(explorer.toJSON().text, "1 cluster: #1 (2 points); selected: none");
});
