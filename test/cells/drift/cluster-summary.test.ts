import assert from "node:assert/strict";
import {test} from "node:test";
import {tableFromArrays} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {clusterSummary} from "../../../src/cells/drift/cluster-summary.ts";
import type {Projection} from "../../../src/cells/project/projection.ts";
import {pointsOf} from "../../helpers/projection.ts";

const primary = fromTable(
  tableFromArrays({pred: ["a", "a", "b", "a"], actual: ["a", "b", "b", "a"], age: [10, 20, 30, 40]}),
  "prod.csv",
  {
    name: "production",
    schema: {predictionLabel: "pred", actualLabel: "actual"}
  }
);
const reference = fromTable(
  tableFromArrays({pred: ["a", "b", "b"], actual: ["a", "b", "a"], age: [1, 2, 3]}),
  "train.csv",
  {
    name: "training",
    schema: {predictionLabel: "pred", actualLabel: "actual"}
  }
);

// Seven points: primary rows 0–3, then reference rows 0–2. Labels: cluster 0 = primary 0, 1 and reference 0;
// cluster 1 = reference 1; cluster 2 = primary 2, 3; reference row 2 is noise.
const projection = pointsOf([primary, reference], [0, 0, 0, 0, 1, 1, 1], [0, 1, 2, 3, 0, 1, 2], "e");
const labels = Int32Array.from([0, 0, 2, 2, 0, 1, -1]);

test("clusterSummary() ranks clusters by drift ratio and excludes noise", () => {
  // Cluster 2: 2 primary, 0 reference → (2 − 0)/2 = 1; cluster 0: 2 and 1 → 1/3; cluster 1: 0 and 1 → −1.
  const summary = clusterSummary(projection, {labels});
  assert.deepEqual(
    summary.map((s) => [s.id, s.size, s.primaryCount, s.referenceCount, s.driftRatio]),
    [
      [2, 2, 2, 0, 1],
      [0, 3, 2, 1, 1 / 3],
      [1, 1, 0, 1, -1]
    ]
  );
  // Shares of each dataset's points: 4 primary and 3 reference points in the projection.
  assert.deepEqual([summary[1]!.primaryShare, summary[1]!.referenceShare], [2 / 4, 1 / 3]);
});

test("clusterSummary() gives a cluster with only reference points a null primary metric", () => {
  const summary = clusterSummary(projection, {labels}, {metric: "accuracy"});
  const onlyReference = summary.find((s) => s.id === 1)!;
  assert.deepEqual(onlyReference.metric, {primary: null, reference: 1}); // reference row 1: b = b
  // Cluster 0: primary rows 0, 1 → a = a, a ≠ b → 1/2; reference row 0 → 1.
  assert.deepEqual(summary.find((s) => s.id === 0)!.metric, {primary: 0.5, reference: 1});
});

test("clusterSummary() sorts by a column statistic, nulls last", () => {
  const single: Projection = {
    ...projection,
    datasets: [primary],
    dataset: new Uint8Array(4),
    row: Int32Array.from([0, 1, 2, 3])
  };
  const summary = clusterSummary(
    single,
    {labels: Int32Array.from([0, 1, 1, -1])},
    {metric: {column: "age", stat: "mean"}}
  );
  // Cluster 1: rows 1, 2 → mean 25; cluster 0: row 0 → 10. No reference: no drift ratio.
  assert.deepEqual(
    summary.map((s) => [s.id, s.metric?.primary, s.driftRatio]),
    [
      [1, 25, null],
      [0, 10, null]
    ]
  );
});

test("clusterSummary() refuses a mean of a text column and labels that do not fit", () => {
  assert.throws(() => clusterSummary(projection, {labels}, {metric: {column: "pred", stat: "mean"}}), {
    message: /^prod\.csv: column "pred": is not numeric \(.*Utf8>?\): cannot compute its mean$/
  });
  assert.throws(() => clusterSummary(projection, {labels: new Int32Array(3)}), {
    message: "clusterSummary: 3 labels for 7 points"
  });
});
