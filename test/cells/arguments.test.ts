// Every px function given something that is not what it takes (a missing reference, an Arrow table where a
// dataset goes, a string where a list of names goes) says so by name, instead of failing deep inside with
// "Cannot read properties of undefined".
import assert from "node:assert/strict";
import {test} from "node:test";
import {tableFromArrays} from "apache-arrow";
import * as px from "../../src/index.ts";

const dataset = px.fromTable(
  tableFromArrays({id: ["a", "b", "c"], n: Float64Array.of(1, 2, 3), label: ["x", "y", "x"]}),
  "small.csv",
  {schema: {predictionId: "id", predictionLabel: "label", actualLabel: "label"}}
);
const projection: px.Projection = {
  coordinates: Float32Array.of(0, 0, 1, 1, 2, 2),
  nComponents: 2,
  dataset: new Uint8Array(3),
  row: Int32Array.of(0, 1, 2),
  datasets: [dataset],
  embedding: "e",
  options: {} as never
};

const refused: [string, () => unknown, RegExp][] = [
  [
    "embeddingDrift without a reference",
    () => px.embeddingDrift(dataset, undefined as never, {embedding: "e"}),
    /px\.embeddingDrift: reference must be a dataset \(px\.load, px\.fromTable\), not undefined$/
  ],
  [
    "embeddingDrift given an Arrow table",
    () => px.embeddingDrift(dataset, dataset.table as never, {embedding: "e"}),
    /reference must be a dataset .*not an Arrow table: make one of an Arrow table with px\.fromTable/
  ],
  [
    "featureDrift without a reference",
    () => px.featureDrift(dataset, undefined as never),
    /px\.featureDrift: reference must be a dataset/
  ],
  [
    "featureDrift with features as a string",
    () => px.featureDrift(dataset, dataset, {features: "n" as never}),
    /px\.featureDrift: features must be an array of column names, not "n"$/
  ],
  [
    "performance given a table",
    () => px.performance(dataset.table as never),
    /px\.performance: dataset must be a dataset/
  ],
  [
    "dataQuality without a dataset",
    () => px.dataQuality(undefined as never),
    /px\.dataQuality: dataset must be a dataset .*not undefined$/
  ],
  [
    "dataQuality with features as a string",
    () => px.dataQuality(dataset, {features: "n" as never}),
    /px\.dataQuality: features must be an array of column names/
  ],
  [
    "window without a range",
    () => px.window(dataset, undefined as never),
    /px\.window: range must be \{start, end\}/
  ],
  [
    "window of nothing",
    () => px.window(null as never, {start: 0, end: 1}),
    /px\.window: dataset must be a dataset .*not null$/
  ],
  [
    "cluster of nothing",
    () => px.cluster(undefined as never),
    /points must be a projection \(px\.project\) or \{coordinates, nComponents\}, not undefined/
  ],
  [
    "clusterSummary without clusters",
    () => px.clusterSummary(projection, undefined as never),
    /px\.clusterSummary: the second argument must be a clustering/
  ],
  [
    "clusterSummary of a dataset",
    () => px.clusterSummary(dataset as never, {labels: new Int32Array(3)}),
    /px\.clusterSummary: the first argument must be a projection/
  ],
  [
    "clusterSummary sorted by an unknown key",
    () => px.clusterSummary(projection, {labels: new Int32Array(3)}, {sort: "drift" as never}),
    /px\.clusterSummary: sort must be "driftRatio", "size", "metric", not "drift"$/
  ],
  [
    "clusterSummary with a misspelt metric",
    () => px.clusterSummary(projection, {labels: new Int32Array(3)}, {metric: "acc" as never}),
    /unknown metric: "acc" \(expected "accuracy" or \{column, stat\}/
  ],
  [
    "similar of a table",
    () => px.similar(dataset.table as never, {embedding: "e", rows: {primary: [0]}}),
    /px\.similar: the primary must be a dataset/
  ],
  [
    "driftSignificance without a reference",
    () => px.driftSignificance(dataset, undefined as never, {embedding: "e"}),
    /px\.driftSignificance: reference must be a dataset/
  ],
  [
    "maximumMeanDiscrepancy without a primary",
    () => px.maximumMeanDiscrepancy(undefined as never, dataset, {embedding: "e"}),
    /px\.maximumMeanDiscrepancy: primary must be a dataset/
  ],
  [
    "load with features as a string",
    () => px.fromTable(dataset.table, "t", {schema: {features: "n" as never}}),
    /schema: features must be an array of column names, not "n"$/
  ]
];

refused.push(
  [
    "embeddingDrift with samplingInterval but no evaluationWindow",
    () => px.embeddingDrift(dataset, dataset, {embedding: "e", samplingInterval: 60_000}),
    /px\.embeddingDrift: samplingInterval spaces the windows of a series: give evaluationWindow too/
  ],
  [
    "featureDrift with samplingInterval but no evaluationWindow",
    () => px.featureDrift(dataset, dataset, {samplingInterval: 60_000}),
    /px\.featureDrift: samplingInterval spaces the windows of a series/
  ],
  [
    "driftSignificance with a seed that is not a number",
    () => px.driftSignificance(dataset, dataset, {embedding: "e", seed: "x" as never}),
    /px\.driftSignificance: seed must be a finite number, not "x"/
  ],
  [
    "maximumMeanDiscrepancy with a NaN seed",
    () => px.maximumMeanDiscrepancy(dataset, dataset, {embedding: "e", seed: NaN}),
    /px\.maximumMeanDiscrepancy: seed must be a finite number, not NaN/
  ]
);

for (const [what, call, message] of refused)
  test(`px refuses ${what}, naming the argument`, () => assert.throws(call, message));

test("px.project and px.exportRows refuse what is not a dataset, and a third dataset, before any work", async () => {
  await assert.rejects(
    px.project([dataset, dataset, dataset] as never, {embedding: "e"} as never),
    /px\.project: expected \[primary\] or \[primary, reference\], not 3 datasets$/
  );
  await assert.rejects(
    px.project([dataset, dataset.table as never], {embedding: "e"} as never),
    /px\.project: the reference must be a dataset .*not an Arrow table/
  );
  await assert.rejects(
    px.project(undefined as never, {embedding: "e"} as never),
    /px\.project: the dataset must be a dataset .*not undefined/
  );
  await assert.rejects(
    px.exportRows([undefined as never], {primary: [0]}, {format: "csv"}),
    /exportRows: the primary must be a dataset/
  );
  await assert.rejects(
    px.exportRows(dataset as never, {primary: [0]}, {format: "csv"}),
    /exportRows: datasets must be \[primary\] or \[primary, reference\]/
  );
});

test("the checks let real datasets through", () => {
  assert.equal(px.performance(dataset).accuracy, 1);
  assert.equal(px.window(dataset, {start: 0, end: 1}).numRows, 0);
});
