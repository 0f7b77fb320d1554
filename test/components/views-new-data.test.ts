// Views given new data (a reused view, or its data property set anew) in happy-dom, as the headless runner has
// them: a value that names something of the old data follows it into the new data (or becomes null when it is
// gone) and `input` tells the readers; a value the new data still holds stays, without an event.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {ClusterSummary} from "../../src/cells/drift/cluster-summary.ts";
import type {FeatureDrift} from "../../src/cells/drift/feature-drift.ts";
import type {PointCloudData} from "../../src/components/index.ts";
import {installHeadlessDom} from "../../src/runtime/stdlib/headless-dom.ts";
import {mounted} from "./mounted.ts";
import {tinyDrift, tinyProjection, tinySummary} from "./fixtures.ts";
import {llmPoints} from "./selection-fixtures.ts";

installHeadlessDom();
// lit takes the DOM it finds when its classes are defined: import it only once happy-dom is in place.
const {phx} = await import("../../src/bindings/phx.ts");

/** The value the view has at each of its `input` events, in order. */
function inputsOf<T>(view: EventTarget & {value: T}): T[] {
  const values: T[] = [];
  view.addEventListener("input", () => values.push(view.value));
  return values;
}

// A reclustering: #1 now holds points 2 and 3, #0 is gone and #2 is new.
const reclustered = (): ClusterSummary[] => {
  const [one, zero] = tinySummary();
  return [
    {...one!, points: Int32Array.of(2, 3)},
    {...zero!, id: 2, points: Int32Array.of(0, 1)}
  ];
};

test("<phx-cluster-explorer> given a new summary picks the same cluster id in it, or none when it is gone", () => {
  const explorer = phx.clusterExplorer(tinySummary(), {value: 1});
  const inputs = inputsOf(explorer);
  const next = reclustered();
  explorer.summary = next;
  // Read at once, before any render: a cell reading the view's value must not get the old cluster.
  assert.equal(explorer.value, next[0]);
  assert.deepEqual([...explorer.value!.points], [2, 3]);
  assert.deepEqual(inputs, [next[0]]);

  // #1 is gone from this one: nothing is picked.
  const [, two] = reclustered();
  explorer.summary = [two!];
  assert.deepEqual([explorer.value, inputs.length], [null, 2]);
  // With nothing picked, a new summary changes nothing.
  explorer.summary = reclustered();
  assert.deepEqual([explorer.value, inputs.length], [null, 2]);
});

test("<phx-cluster-explorer> keeps its pick, without input, when the new summary holds the same cluster", () => {
  const summary = tinySummary();
  const explorer = phx.clusterExplorer(summary, {value: 0});
  const inputs = inputsOf(explorer);
  explorer.summary = [summary[1]!]; // the same #0 object, re-ranked alone
  assert.equal(explorer.value, summary[1]);
  assert.equal(inputs.length, 0);
});

test("phx.linkClusters: a reclustered explorer rings its picked cluster's new points in the cloud", () => {
  const summary = tinySummary();
  const clusters = {labels: Int32Array.of(1, 1, 0, 0)};
  const cloud = phx.pointCloud(tinyProjection(), {clusters, highlight: summary[0]!.points});
  const explorer = phx.clusterExplorer(summary, {value: 1});
  phx.linkClusters(cloud, explorer);
  explorer.summary = reclustered();
  assert.deepEqual(Array.from(cloud.highlight!), [2, 3]);
});

// The same features, drift computed again on other rows: new objects, other values.
const recomputed = (): FeatureDrift[] =>
  tinyDrift().map((d) => ({...d, value: d.value * 2, bins: {...d.bins, primary: Float64Array.of(9, 9, 9)}}));

test("<phx-feature-drift-table> given new drift shows the same feature of it, or none when it is gone", () => {
  const table = phx.featureDriftTable(tinyDrift(), {value: "brightness"});
  const inputs = inputsOf(table);
  const next = recomputed();
  table.drift = next;
  assert.equal(table.value, next[1]);
  assert.equal(table.value!.value, 0.6);
  assert.deepEqual(inputs, [next[1]]);

  table.drift = next.filter((d) => d.feature !== "brightness");
  assert.deepEqual([table.value, inputs.length], [null, 2]);
});

test("<phx-feature-drift-table> keeps its feature, without input, when the new drift holds the same entry", () => {
  const drift = tinyDrift();
  const table = phx.featureDriftTable(drift, {value: "ink"});
  const inputs = inputsOf(table);
  table.drift = [drift[0]!, drift[2]!];
  assert.equal(table.value, drift[0]);
  assert.equal(inputs.length, 0);
});

test("<phx-feature-drift-table> given new drift draws the new feature's bins, its row pressed", async () => {
  const table = await mounted(phx.featureDriftTable(tinyDrift(), {value: "brightness"}));
  table.drift = recomputed();
  await table.updateComplete;
  const pressed = [...table.shadowRoot!.querySelectorAll("button.feature[aria-pressed=true]")];
  assert.deepEqual(
    pressed.map((button) => button.textContent),
    ["brightness"]
  );
  table.remove();
});

// Points 0, 1 are production rows 10, 11; points 2, 3 training rows 20, 21 (tinyProjection). Re-projected:
// training 20, production 10, production 11; training 21 is no longer sampled.
const resampled = (): PointCloudData => ({
  coordinates: Float32Array.of(0, 1, 0, 0, 1, 0),
  nComponents: 2,
  dataset: Uint8Array.of(1, 0, 0),
  row: Int32Array.of(20, 10, 11),
  datasets: [{name: "production"}, {name: "training"}]
});

test("<phx-point-cloud> given other points selects the same rows among them, and fires input", async () => {
  // Production 10 and training 20 stay, as points 1 and 0; training 21 is no longer projected.
  const headless = phx.pointCloud(tinyProjection(), {value: [0, 2, 3]});
  const inputs = inputsOf(headless);
  headless.projection = resampled();
  // Never connected (as in the headless runner), the view never renders: the value must follow at once.
  assert.deepEqual([...headless.value], [0, 1]);
  assert.deepEqual(
    inputs.map((value) => [...value]),
    [[0, 1]]
  );

  const shown = await mounted(phx.pointCloud(tinyProjection(), {value: [0, 2, 3]}));
  const shownInputs = inputsOf(shown);
  shown.projection = resampled();
  await shown.updateComplete;
  assert.deepEqual([...shown.value], [0, 1]);
  assert.deepEqual(
    shownInputs.map((value) => [...value]),
    [[0, 1]]
  );
  assert.match(shown.toJSON().text, /, 2 selected$/);
  shown.remove();
});

test("<phx-point-cloud> keeps its selection, without input, over a recomputed projection of the same points", async () => {
  const cloud = await mounted(phx.pointCloud(tinyProjection(), {value: [1, 3]}));
  const inputs = inputsOf(cloud);
  cloud.projection = {...tinyProjection(), coordinates: Float32Array.of(0, 0, 2, 0, 0, 2, 9, 9)};
  cloud.clusters = {labels: Int32Array.of(0, 0, 1, -1)};
  await cloud.updateComplete;
  assert.deepEqual([...cloud.value], [1, 3]);
  assert.equal(inputs.length, 0);
  cloud.remove();
});

test("<phx-selection-table> given other points and rows picks the same row among them, or none when gone", async () => {
  // Production rows 0…2 are points 0…2, training rows 0…1 points 3, 4; training row 1 (point 4) is picked.
  const table = await mounted(phx.selectionTable(llmPoints(3, 2), [0, 4]));
  const inputs = inputsOf(table);
  table.value = {dataset: 1, row: 1, point: 4};
  // Re-projected with only one production row: training row 1 is now point 2.
  table.data = llmPoints(1, 2);
  table.selection = [2, 0];
  await table.updateComplete;
  assert.deepEqual(table.value, {dataset: 1, row: 1, point: 2});
  assert.deepEqual(inputs, [{dataset: 1, row: 1, point: 2}]);
  const picked = [...table.shadowRoot!.querySelectorAll("[role=row][aria-selected=true]")];
  assert.deepEqual(
    picked.map((row) => [row.getAttribute("data-dataset"), row.getAttribute("data-row")]),
    [["1", "1"]]
  );

  // A selection without that row: nothing is picked.
  table.selection = [0, 1];
  await table.updateComplete;
  assert.deepEqual([table.value, inputs.length], [null, 2]);
  table.remove();
});

test("<phx-selection-table> keeps its pick, without input, when the new selection still lists the row", async () => {
  const table = await mounted(phx.selectionTable(llmPoints(3, 2), [0, 4]));
  const inputs = inputsOf(table);
  const pick = {dataset: 1, row: 1, point: 4};
  table.value = pick;
  table.selection = [4, 1, 2];
  await table.updateComplete;
  assert.equal(table.value, pick);
  assert.equal(inputs.length, 0);
  table.remove();
});
