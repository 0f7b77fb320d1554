// Views given new data (a reused view, or its data property set anew) in happy-dom, as the headless runner has
// them: a value that names something of the old data follows it into the new data (or becomes null when it is
// gone) and `input` tells the readers; a value the new data still holds stays, without an event.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {ClusterSummary} from "../../src/cells/drift/cluster-summary.ts";
import {installHeadlessDom} from "../../src/runtime/stdlib/headless-dom.ts";
import {tinyProjection, tinySummary} from "./fixtures.ts";

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
