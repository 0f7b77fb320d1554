import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {test} from "node:test";
import {Bool, Int32, Table, tableFromArrays, vectorFromArray} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {performance} from "../../../src/cells/metrics/performance.ts";

const labels = fromTable(
  tableFromArrays({
    predicted: ["cat", "cat", "dog", null, "dog", "cat"],
    actual: ["cat", "dog", "dog", "cat", null, "cat"]
  }),
  "pets.csv",
  {schema: {predictionLabel: "predicted", actualLabel: "actual"}}
);

test("performance() drops rows missing either label, then scores accuracy", () => {
  // Rows 3 and 4 lack a label; of rows 0, 1, 2, 5 the predictions match on 0, 2, 5: 3/4.
  const result = performance(labels);
  assert.equal(result.count, 4);
  assert.equal(result.accuracy, 0.75);
});

test("performance() gives precision, recall and F1 per class and their macro means", () => {
  // cat: predicted on 0, 1, 5 (correct 0, 5) → precision 2/3; actual on 0, 5 → recall 1; F1 = 2·(2/3)/(5/3) = 0.8.
  // dog: predicted on 2 (correct) → precision 1; actual on 1, 2 → recall 1/2; F1 = 2·(1/2)/(3/2) = 2/3.
  const {classes, macro} = performance(labels);
  assert.deepEqual(
    classes.map((c) => [c.label, c.precision, c.recall, c.support]),
    [
      ["cat", 2 / 3, 1, 2],
      ["dog", 1, 0.5, 2]
    ]
  );
  assert.ok(Math.abs(classes[0]!.f1! - 0.8) < 1e-12 && Math.abs(classes[1]!.f1! - 2 / 3) < 1e-12);
  assert.ok(Math.abs(macro.f1! - (0.8 + 2 / 3) / 2) < 1e-12);
});

test("performance() matches a boolean prediction with a 0/1 actual label as numpy does: True == 1", () => {
  // Before: accuracy 0 and classes "0", "1", "false", "true". numpy: np.mean(np.array([True, False, True, False])
  // == np.array([1, 0, 1, 1])) = 0.75; per class (as integers) 0: precision 0.5, recall 1.0, F1 2/3, support 1;
  // 1: precision 1.0, recall 2/3, F1 0.8, support 3.
  const mixed = fromTable(
    new Table({
      predicted: vectorFromArray([true, false, true, false], new Bool()),
      actual: vectorFromArray([1, 0, 1, 1], new Int32())
    }),
    "mixed.parquet",
    {schema: {predictionLabel: "predicted", actualLabel: "actual"}}
  );
  const {accuracy, classes} = performance(mixed);
  assert.equal(accuracy, 0.75);
  assert.deepEqual(
    classes.map((c) => [c.label, c.precision, c.recall, c.support]),
    [
      ["0", 0.5, 1, 1],
      ["1", 1, 2 / 3, 3]
    ]
  );
  assert.ok(Math.abs(classes[0]!.f1 - 2 / 3) < 1e-12 && Math.abs(classes[1]!.f1 - 0.8) < 1e-12);
});

test("performance() on selected rows; no rows with both labels gives null accuracy", () => {
  assert.equal(performance(labels, {rows: [1, 2]}).accuracy, 0.5);
  assert.equal(performance(labels, {rows: [3, 4]}).accuracy, null);
  assert.throws(() => performance(labels, {rows: [9]}), {
    message: "px.performance: pets.csv: row 9 is out of range (0 to 5)"
  });
  // Each refused before an Int32Array could wrap 2**32 to row 0, truncate 1.9 to row 1 or make NaN row 0.
  for (const row of [2 ** 32, 1.9, NaN, -1])
    assert.throws(() => performance(labels, {rows: [row]}), {
      message: `px.performance: pets.csv: row ${row} is out of range (0 to 5)`
    });
  // A string's characters are not row numbers.
  assert.throws(() => performance(labels, {rows: "0,1" as never}), {
    message: "px.performance: rows must be an array of row numbers, not string"
  });
});

test("performance() gives MAE, RMSE and MAPE for numeric predictions", () => {
  const scores = fromTable(tableFromArrays({p: [2, 4, 6, 1], a: [1, 4, 8, 0]}), "scores", {
    schema: {predictionScore: "p", actualScore: "a"}
  });
  // Errors 1, 0, −2, 1 → MAE 4/4 = 1; RMSE √(6/4); MAPE over actual ≠ 0: (1/1 + 0 + 2/8) / 3 · 100.
  const {regression} = performance(scores);
  assert.equal(regression!.mae, 1);
  assert.ok(Math.abs(regression!.rmse - Math.sqrt(1.5)) < 1e-12);
  assert.ok(Math.abs(regression!.mape! - 125 / 3) < 1e-12);
});

test("performance() macro means count an undefined precision or recall as 0, as scikit-learn (zero_division=0)", async () => {
  // A new class "7" only among the actuals, a class "9" only among the predictions; values from scikit-learn.
  const reference = JSON.parse(
    await readFile(new URL("../../fixtures/metrics/performance-sklearn.json", import.meta.url), "utf8")
  ) as SklearnScores;
  const dataset = fromTable(
    tableFromArrays({predicted: reference.predicted, actual: reference.actual}),
    "new-class.csv",
    {schema: {predictionLabel: "predicted", actualLabel: "actual"}}
  );
  const result = performance(dataset);
  assert.equal(result.count, reference.count);
  assert.equal(result.accuracy, reference.accuracy);
  // Per class, null marks the undefined value that scikit-learn reports as 0.
  assert.deepEqual(
    result.classes.map((c) => [c.label, c.precision ?? 0, c.recall ?? 0, c.f1, c.support]),
    reference.classes.map((c) => [c.label, c.precision, c.recall, c.f1, c.support])
  );
  for (const key of ["precision", "recall", "f1"] as const)
    assert.ok(Math.abs(result.macro[key]! - reference.macro[key]) < 1e-12, `macro ${key}`);
});

interface SklearnScores {
  predicted: (string | null)[];
  actual: (string | null)[];
  count: number;
  accuracy: number;
  classes: {label: string; precision: number; recall: number; f1: number; support: number}[];
  macro: {precision: number; recall: number; f1: number};
}
