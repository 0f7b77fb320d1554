import assert from "node:assert/strict";
import {test} from "node:test";
import {Field, FixedSizeList, Float32, Table, vectorFromArray} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {maximumMeanDiscrepancy} from "../../../src/cells/drift/mmd.ts";
import {driftSignificance} from "../../../src/cells/drift/significance.ts";

function vectors(name: string, rows: number[][]) {
  const type = new FixedSizeList(rows[0]!.length, new Field("item", new Float32(), true));
  return fromTable(new Table({v: vectorFromArray(rows, type)}), name, {
    name,
    schema: {embeddings: {e: {vector: "v"}}}
  });
}

test("driftSignificance() estimates the exact permutation p-value", () => {
  // Pool {0, 0, 1, 1} (first coordinate); of the 6 ways to pick the primary pair, 2 reach distance 1: p = 1/3.
  const primary = vectors("primary", [
    [0, 0],
    [0, 0]
  ]);
  const reference = vectors("reference", [
    [1, 0],
    [1, 0]
  ]);
  const result = driftSignificance(primary, reference, {embedding: "e", permutations: 3000, seed: 1});
  assert.equal(result.distance, 1);
  assert.ok(Math.abs(result.pValue - 1 / 3) < 0.03, `p = ${result.pValue}`);
});

test("driftSignificance() is seeded: same seed, same p-value; a real shift is significant", () => {
  const grid = (dx: number) => Array.from({length: 40}, (_, i) => [(i % 8) / 8 + dx, Math.floor(i / 8) / 5]);
  const [a, b] = [vectors("a", grid(0)), vectors("b", grid(0.5))];
  const first = driftSignificance(a, b, {embedding: "e", permutations: 200, seed: 7});
  assert.deepEqual(driftSignificance(a, b, {embedding: "e", permutations: 200, seed: 7}), first);
  assert.equal(first.pValue, 1 / 201);
});

test("maximumMeanDiscrepancy() computes the unbiased MMD² with the median-heuristic bandwidth", () => {
  // X = {0, 1}, Y = {2, 4} (second coordinate 0). Pairwise distances 1 2 4 1 3 2 → median σ = 2.
  // k = exp(−d²/8): XX: e^(−1/8); YY: e^(−4/8); XY: e^(−4/8) + e^(−16/8) + e^(−1/8) + e^(−9/8).
  // MMD² = XX·2/(2·1) + YY·2/(2·1) − 2·XY/(2·2).
  const k = (d2: number) => Math.exp(-d2 / 8);
  const expected = k(1) + k(4) - (k(4) + k(16) + k(1) + k(9)) / 2;
  const result = maximumMeanDiscrepancy(
    vectors("x", [
      [0, 0],
      [1, 0]
    ]),
    vectors("y", [
      [2, 0],
      [4, 0]
    ]),
    {embedding: "e", permutations: 0}
  );
  assert.equal(result.bandwidth, 2);
  assert.ok(Math.abs(result.mmd2 - expected) < 1e-12);
  assert.equal(result.pValue, null);
});

test("maximumMeanDiscrepancy() sees a change of spread that the centroid distance misses", () => {
  // Same mean (0, 0), different spread: the centroid test finds nothing, MMD does.
  const ring = (r: number) =>
    Array.from({length: 30}, (_, i) => [
      r * Math.cos((2 * Math.PI * i) / 30),
      r * Math.sin((2 * Math.PI * i) / 30)
    ]);
  const [inner, outer] = [vectors("inner", ring(1)), vectors("outer", ring(3))];
  assert.ok(driftSignificance(inner, outer, {embedding: "e", permutations: 200}).pValue > 0.5);
  assert.ok(maximumMeanDiscrepancy(inner, outer, {embedding: "e", permutations: 200}).pValue! < 0.01);
});
