// End to end: the digits example notebook, headless, as the runner evaluates it, and its reactivity.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Dataset} from "../../src/cells/dataset/dataset.ts";
import type {Projection} from "../../src/cells/project/projection.ts";
import nodePlugin from "../../src/bindings/node.ts";
import {openNotebook, type HeadlessNotebook} from "../../src/runtime/headless/open-notebook.ts";

const file = fileURLToPath(new URL("../../notebooks/digits-drift.html", import.meta.url));
let notebook: HeadlessNotebook;
const stages: string[] = [];

before(async () => {
  notebook = await openNotebook(file, [nodePlugin]);
  notebook.recorder.onProgress = (cell, _fraction, stage) => stages.push(`${cell.name} ${stage}`);
  assert.ok(await notebook.recorder.whenSettled(120_000), "the notebook did not settle");
});
after(() => notebook.runtime.dispose());

const report = (name: string) => notebook.recorder.report(name)!;
/** Sets a view's value as a reader's input does: the value, then an input event. */
function pick(name: string, value: unknown) {
  const view = report(`viewof ${name}`).value as HTMLElement & {value: unknown};
  view.value = value;
  view.dispatchEvent(new Event("input", {bubbles: true}));
}

interface Settings {
  project: Record<string, number>;
  cluster: Record<string, number>;
}
/** The projection settings' value, as the settings view holds it. */
const settings = () => (report("viewof settings").value as {value: Settings}).value;
/** The projection settings' value with some of px.project's (`project`) or px.cluster's options changed. */
function settingsWith(change: {project?: Record<string, number>; cluster?: Record<string, number>}) {
  const now = settings();
  return {project: {...now.project, ...change.project}, cluster: {...now.cluster, ...change.cluster}};
}

test("digits notebook: every cell fulfills", () => {
  const failed = notebook.recorder.reports.filter((r) => r.status !== "fulfilled");
  assert.deepEqual(
    failed.map((r) => `${r.compiled.name}: ${r.error?.describe()}`),
    []
  );
});

test("digits notebook: embedding drift is higher after the scanner broke (day 10) than before", () => {
  const series = report("driftSeries").value as {timestamp: number; value: number}[];
  const broke = Date.UTC(2023, 4, 10);
  const before = series.filter((p) => p.timestamp <= broke).map((p) => p.value);
  const afterwards = series.filter((p) => p.timestamp > broke + 2 * 86_400_000).map((p) => p.value);
  assert.ok(Math.min(...afterwards) > Math.max(...before), `${afterwards} vs ${before}`);
});

test("digits notebook: the most drifted cluster is production only, where the model fails", () => {
  const [top] = report("summary").value as {driftRatio: number; metric: {primary: number}}[];
  assert.equal(top!.driftRatio, 1);
  assert.ok(top!.metric.primary < 0.5);
});

test("digits notebook: the settings start at the digits' defaults", () => {
  assert.deepEqual(settings(), {
    project: {nComponents: 2, nNeighbors: 30, minDist: 0, samples: 500},
    cluster: {minClusterSize: 10, minSamples: 1, clusterSelectionEpsilon: 0}
  });
  const projection = report("projection").value as Projection;
  assert.equal(projection.nComponents, 2);
  assert.equal(projection.row.length, 1000, "500 samples per dataset");
});

test("digits notebook: changing min cluster size reclusters without reprojecting", async () => {
  const before = report("projection").value as Projection;
  const clusterSettles = report("clusters").settles;
  stages.length = 0;
  pick("settings", settingsWith({cluster: {minClusterSize: 25}}));
  assert.ok(await notebook.recorder.whenSettled(60_000));
  // The projection cell runs again (it reads the same view) and gets the projection it had, laid out once.
  assert.equal(report("projection").value, before);
  assert.ok(!stages.some((stage) => stage.startsWith("projection ")), stages.join(", "));
  assert.equal(report("clusters").settles, clusterSettles + 1);
  assert.ok((report("clusters").value as {nClusters: number}).nClusters > 0);
});

test("digits notebook: changing min dist relayouts on the cached neighbour graph", async () => {
  const before = report("projection").value as Projection;
  stages.length = 0;
  // As `--set settings=…` does.
  notebook.runtime.setValue("settings", settingsWith({project: {minDist: 0.5}}));
  assert.ok(await notebook.recorder.whenSettled(60_000));
  const after = report("projection").value as Projection;
  assert.notDeepEqual(after.coordinates, before.coordinates);
  assert.deepEqual(after.row, before.row); // same sample
  assert.ok(stages.includes("projection layout"));
  assert.ok(!stages.includes("projection knn"), `the kNN graph was recomputed: ${stages.join(", ")}`);
});

test("digits notebook: a change made while the projection runs abandons it; the fresh one completes", async () => {
  const seen: number[] = [];
  const projection = report("projection");
  notebook.recorder.onProgress = () => {};
  notebook.runtime.setValue("settings", settingsWith({project: {samples: 300}}));
  await new Promise((resolve) => setTimeout(resolve, 300)); // the projection of 2 × 300 points is running
  assert.equal(projection.status, "pending");
  const watch = setInterval(
    () => projection.status === "fulfilled" && seen.push((projection.value as Projection).row.length),
    5
  );
  notebook.runtime.setValue("settings", settingsWith({project: {samples: 200}}));
  assert.ok(await notebook.recorder.whenSettled(60_000));
  clearInterval(watch);
  assert.equal((projection.value as Projection).row.length, 400);
  assert.ok(!seen.includes(600), "the stale projection's result showed");
});

test("digits notebook: the table shows the picked cluster's rows; a picked row finds the 8 images nearest to it", async () => {
  const summary = report("summary").value as {points: Int32Array}[];
  const table = report("viewof pickedRow").value as HTMLElement & {value: unknown; rows?: unknown};
  assert.equal(report("similarRows").value, null, "no row picked yet");
  // Picking the table's row (the view protocol: value, then an input event) reaches px.similar.
  const projection = report("projection").value as Projection;
  const point = summary[0]!.points[0]!;
  const picked = {dataset: projection.dataset[point]!, row: projection.row[point]!, point};
  table.value = picked;
  table.dispatchEvent(new Event("input", {bubbles: true}));
  assert.ok(await notebook.recorder.whenSettled(60_000));
  const similar = report("similarRows").value as {
    dataset: Uint8Array;
    row: Int32Array;
    distance: Float64Array;
  };
  assert.equal(similar.row.length, 8);
  const same = (i: number) => similar.dataset[i] === picked.dataset && similar.row[i] === picked.row;
  assert.ok(!similar.row.some((_, i) => same(i)), "the picked row itself is not among its neighbours");
  assert.ok(
    similar.distance.every((d, i) => i === 0 || d >= similar.distance[i - 1]!),
    "nearest first"
  );
});

test("digits notebook: a timeline window re-projects that window's production images only", async () => {
  const production = report("production").value as Dataset;
  const times = production.table.getChild("prediction_ts")!;
  const start = Date.UTC(2023, 4, 10); // the scanner broke on day 10
  const end = start + 2 * 86_400_000;
  const inWindow = (row: number) => Number(times.get(row)) >= start && Number(times.get(row)) < end;
  let expected = 0;
  for (let row = 0; row < production.table.numRows; ++row) if (inWindow(row)) ++expected;
  pick("timeWindow", {start, end});
  assert.ok(await notebook.recorder.whenSettled(60_000));
  const projection = report("projection").value as Projection;
  const primaryRows = Array.from(projection.row).filter((_, i) => projection.dataset[i] === 0);
  assert.ok(primaryRows.every(inWindow));
  const samples = projection.options.samples; // an earlier test set it with runtime.setValue
  assert.equal(primaryRows.length, Math.min(expected, samples));
  assert.equal(projection.row.length - primaryRows.length, samples, "training is not windowed");
  pick("timeWindow", null);
  assert.ok(await notebook.recorder.whenSettled(60_000));
  assert.equal((report("projection").value as Projection).row.length, 2 * samples);
});
