import assert from "node:assert/strict";
import {test} from "node:test";
import {tableFromArrays} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {dataQuality} from "../../../src/cells/metrics/data-quality.ts";
import {performance} from "../../../src/cells/metrics/performance.ts";

test("dataQuality() counts a NaN as empty, as pandas does: not a value, not a distinct one", async () => {
  const dataset = fromTable(tableFromArrays({x: Float64Array.of(NaN, 2, 4, 2)}), "x.csv", {schema: {}});
  const {columns} = await dataQuality(dataset, {features: ["x"]});
  const [x] = columns;
  // By hand: 4 rows, 1 NaN → 25 % empty; distinct values {2, 4}; mean of 2, 4, 2 = 8 / 3.
  assert.equal(x!.count, 4);
  assert.equal(x!.percentEmpty, 25);
  assert.equal(x!.cardinality, 2);
  assert.equal(x!.mean, 8 / 3);
});

test("performance() drops a row whose numeric label is NaN, as a missing one: no class named NaN", () => {
  const dataset = fromTable(
    tableFromArrays({p: Float64Array.of(NaN, 2, 3), a: Float64Array.of(1, 2, 3)}),
    "labels.csv",
    {schema: {predictionLabel: "p", actualLabel: "a"}}
  );
  const result = performance(dataset);
  // Rows 1 and 2 remain, both right.
  assert.equal(result.count, 2);
  assert.equal(result.accuracy, 1);
  assert.deepEqual(
    result.classes.map(({label}) => label),
    ["2", "3"]
  );
});
