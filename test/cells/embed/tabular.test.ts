import assert from "node:assert/strict";
import {test} from "node:test";
import {Field, Float32, List, vectorFromArray} from "apache-arrow";
import {DatasetError} from "../../../src/cells/dataset/errors.ts";
import {load} from "../../../src/cells/dataset/load.ts";
import {embed} from "../../../src/cells/embed/index.ts";
import {datasetOf, dataURL, labelsOf} from "./datasets.ts";
import {neighbourAgreement, shuffledAgreement} from "./knn.ts";

const rowsOf = (vectors: Float32Array, dim: number) =>
  Array.from({length: vectors.length / dim}, (_, i) => [...vectors.subarray(i * dim, (i + 1) * dim)]);
const close = (actual: number[][], expected: number[][]) =>
  actual.forEach((row, i) =>
    row.forEach((x, j) => assert.ok(Math.abs(x - expected[i]![j]!) < 1e-6, `[${i}][${j}] ${x}`))
  );

test('embed() with "tabular" puts penguins of one species nearest each other', async () => {
  const penguins = await load(dataURL("penguins.csv").pathname, {schema: {actualLabel: "species"}});
  const {vectors, dim, rows} = (await embed(penguins, {method: "tabular"})).embeddings.tabular_embedding!;
  assert.equal(dim, 4 + 3 + 2); // four measures, three islands, two sexes
  assert.equal(rows.length, 344);
  const labels = labelsOf(penguins, "species", rows);
  const agreement = neighbourAgreement(vectors, dim, rows, labels);
  const chance = shuffledAgreement(vectors, dim, rows, labels);
  assert.ok(chance < 0.45, `shuffled ${chance}`);
  assert.ok(agreement > 0.95, `agreement ${agreement} (shuffled ${chance})`);
});

test('embed() with "tabular" z-scores numbers with the population std and one-hots categories', async () => {
  const dataset = datasetOf({x: [1, 2, 3, null, null], c: ["a", "b", "a", "b", null]});
  const {vectors, dim, rows} = (await embed(dataset, {method: "tabular"})).embeddings.tabular_embedding!;
  // mean 2, std √(2/3): the z-scores are ∓√1.5; a null number is the mean (0); a and b tie, a first.
  const z = Math.sqrt(1.5);
  close(rowsOf(vectors, dim), [
    [-z, 1, 0],
    [0, 0, 1],
    [z, 1, 0],
    [0, 0, 1],
    [0, 0, 0]
  ]);
  assert.deepEqual([...rows], [0, 1, 2, 3]); // the all-null row has no vector
});

test('embed() with "tabular" keeps the top categories and puts the rest in "other"', async () => {
  const dataset = datasetOf({c: ["a", "a", "a", "b", "b", "c", "d"]});
  const {vectors, dim} = (await embed(dataset, {method: "tabular", maxCategories: 2})).embeddings
    .tabular_embedding!;
  assert.deepEqual(rowsOf(vectors, dim), [
    [1, 0, 0],
    [1, 0, 0],
    [1, 0, 0],
    [0, 1, 0],
    [0, 1, 0],
    [0, 0, 1],
    [0, 0, 1]
  ]);
});

test('embed() with "tabular" encodes with the reference\'s statistics when given one', async () => {
  const reference = datasetOf({x: [0, 2], c: ["a", "b"]});
  const primary = datasetOf({x: [10, 1], c: ["b", "z"]});
  const {vectors, dim} = (await embed(primary, {method: "tabular", reference})).embeddings.tabular_embedding!;
  // mean 1, std 1; "z" was never in the reference, which had no "other" slot: zeros.
  assert.deepEqual(rowsOf(vectors, dim), [
    [9, 0, 1],
    [0, 0, 0]
  ]);
});

test('embed() with "tabular" lists every column it cannot use at once', async () => {
  const vectors = vectorFromArray([[1, 2]], new List(new Field("item", new Float32(), true)));
  const dataset = datasetOf({x: [1], v: vectors});
  await assert.rejects(
    embed(dataset, {method: "tabular", columns: ["x", "nope", "v"]}),
    (error: DatasetError) => {
      assert.ok(error instanceof DatasetError);
      assert.equal(error.problems.length, 2);
      assert.match(error.message, /unknown column: "nope"/);
      assert.match(error.message, /column "v": cannot embed List<Float32>/);
      return true;
    }
  );
});

test('embed() with "tabular" gives a constant column zeros rather than dividing by zero', async () => {
  const dataset = datasetOf({k: [5, 5, 5]});
  const {vectors} = (await embed(dataset, {method: "tabular"})).embeddings.tabular_embedding!;
  assert.deepEqual([...vectors], [0, 0, 0]);
});
