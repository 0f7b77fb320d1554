// The `phx` builtin in a notebook run headless, as `phoenix-notebook run` runs it: views made in cells,
// their values read through `viewof`, and the runner's text summary of each element.
import assert from "node:assert/strict";
import {test} from "node:test";
import {describeJson, toJson} from "../../src/runtime/headless/summarize.ts";
import {evaluate} from "../helpers/notebook.ts";

const points = `points = ({
  coordinates: Float32Array.of(0, 0, 1, 0, 0, 1, 5, 5),
  nComponents: 2,
  dataset: Uint8Array.of(0, 0, 1, 1),
  row: Int32Array.of(10, 11, 20, 21),
  datasets: [{name: "production"}, {name: "training"}]
})`;

test("viewof x = phx.pointCloud(…) gives the selected points in a headless run", async () => {
  const notebook = await evaluate(
    points,
    "viewof selection = phx.pointCloud(points, {value: [2]})",
    "count = selection.length"
  );
  assert.deepEqual(notebook.valueof("selection"), Int32Array.of(2));
  assert.equal(notebook.valueof("count"), 1);
  const view = notebook.recorder.report("viewof selection")!.value;
  assert.equal(
    describeJson(toJson(view)),
    "<phx-point-cloud> 4 points in 2-D (production 2, training 2), 1 selected"
  );
  notebook.runtime.dispose();
});

test("viewof x = phx.pointCloud(…, {previous: this}) over a new projection selects the same rows", async () => {
  // Re-projected: training row 20, production rows 10 and 11; training 21 is no longer sampled.
  const resampled = `({
    coordinates: Float32Array.of(0, 1, 0, 0, 1, 0),
    nComponents: 2,
    dataset: Uint8Array.of(1, 0, 0),
    row: Int32Array.of(20, 10, 11),
    datasets: [{name: "production"}, {name: "training"}]
  })`;
  const notebook = await evaluate(
    "viewof again = Inputs.toggle()",
    points.replace("points =", "first ="),
    `points = again ? ${resampled} : first`,
    "viewof selection = phx.pointCloud(points, {value: [0, 2, 3], previous: this})",
    "rows = Array.from(selection, (i) => `${points.dataset[i]}:${points.row[i]}`)"
  );
  assert.deepEqual(notebook.valueof("rows"), ["0:10", "1:20", "1:21"]);
  const view = notebook.recorder.report("viewof selection")!.value;
  const toggle = notebook.recorder.report("viewof again")!.value as HTMLElement & {value: boolean};
  toggle.value = true;
  toggle.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.ok(await notebook.recorder.whenSettled(10_000));
  assert.equal(notebook.recorder.report("viewof selection")!.value, view, "the view is reused");
  assert.deepEqual(notebook.valueof("selection"), Int32Array.of(0, 1));
  assert.deepEqual(notebook.valueof("rows"), ["1:20", "0:10"]);
  notebook.runtime.dispose();
});

test("every phx factory runs in a headless notebook and gives its view's value", async () => {
  const notebook = await evaluate(
    "viewof cluster = phx.clusterExplorer([], {metricLabel: 'accuracy'})",
    "viewof span = phx.driftTimeline([{timestamp: 0, value: 1, count: 3}, {timestamp: 1000, value: null, count: 0}])",
    "viewof feature = phx.featureDriftTable([])"
  );
  assert.deepEqual(
    ["cluster", "span", "feature"].map((name) => notebook.valueof(name)),
    [null, null, null]
  );
  const text = (name: string) => describeJson(toJson(notebook.recorder.report(`viewof ${name}`)!.value));
  assert.equal(text("cluster"), "<phx-cluster-explorer> 0 clusters; selected: none");
  assert.match(text("span"), /^<phx-drift-timeline> drift over 2 windows/);
  assert.equal(text("feature"), "<phx-feature-drift-table> 0 features by drift");
  notebook.runtime.dispose();
});

test("phx.pointCloud() with a bad option fails its cell with the reason", async () => {
  const notebook = await evaluate(points, "viewof selection = phx.pointCloud(points, {colorBy: 'cluster'})");
  assert.match(String((notebook.valueof("viewof selection") as {error: string}).error), /needs clusters/);
  notebook.runtime.dispose();
});
