import assert from "node:assert/strict";
import {test} from "node:test";
import {exactKnn} from "../../../../src/cells/project/umap/exact-knn.ts";
import {knnGraph} from "../../../../src/cells/project/umap/index.ts";
import {nnDescent} from "../../../../src/cells/project/umap/nn-descent.ts";
import {Random} from "../../../../src/cells/random.ts";
import {stageRun} from "../../../../src/cells/project/umap/stage-run.ts";
import {vectorStore} from "../../../../src/cells/project/umap/vector-store.ts";
import {blobs} from "./blobs.ts";
import {loadDigits} from "./digits.ts";

const digits = loadDigits();

/** Every distance from point i, ascending, by brute force in float64. */
function sortedDistances(
  vectors: Float32Array,
  dim: number,
  i: number,
  metric: "euclidean" | "cosine"
): number[] {
  const n = vectors.length / dim;
  const row = vectors.subarray(i * dim, (i + 1) * dim);
  const norm = (v: Float32Array) => Math.hypot(...v);
  return Array.from({length: n}, (_, j) => {
    const other = vectors.subarray(j * dim, (j + 1) * dim);
    if (metric === "cosine")
      return 1 - row.reduce((s, x, d) => s + x * other[d]!, 0) / (norm(row) * norm(other));
    return Math.sqrt(row.reduce((s, x, d) => s + (x - other[d]!) ** 2, 0));
  }).sort((a, b) => a - b);
}

test("knnGraph() on a small set is exact: each row holds the k smallest distances, self first", async () => {
  const vectors = digits.vectors.subarray(0, 300 * digits.dim);
  const knn = await knnGraph(vectors, digits.dim, {nNeighbors: 12, seed: 0});
  assert.equal(knn.exact, true);
  for (const i of [0, 17, 299]) {
    const expected = sortedDistances(vectors, digits.dim, i, "euclidean").slice(0, 12);
    const got = Array.from(knn.distances.subarray(i * 12, (i + 1) * 12));
    got.forEach((d, j) => assert.ok(Math.abs(d - expected[j]!) < 1e-4 * (1 + expected[j]!)));
    assert.equal(knn.indices[i * 12], i);
  }
});

test("knnGraph() with the cosine metric measures 1 − cos θ", async () => {
  const vectors = blobs(200, 8, 3, 4);
  const knn = await knnGraph(vectors, 8, {nNeighbors: 6, metric: "cosine", seed: 0});
  const expected = sortedDistances(vectors, 8, 5, "cosine").slice(0, 6);
  Array.from(knn.distances.subarray(30, 36)).forEach((d, j) => assert.ok(Math.abs(d - expected[j]!) < 1e-5));
});

test("nnDescent() finds at least 95% of the exact neighbours, and the same ones for the same seed", async () => {
  const n = 3000;
  const dim = 24;
  const vectors = blobs(n, dim, 12, 5);
  const run = stageRun(undefined, "knn");
  const store = vectorStore(vectors, n, dim, false);
  const exact = await exactKnn(store, 15, run);
  const approximate = await nnDescent(store, 15, new Random(1), run);
  const again = await nnDescent(store, 15, new Random(1), run);
  assert.deepEqual(approximate.indices, again.indices);
  let found = 0;
  for (let i = 0; i < n; ++i) {
    const truth = new Set(exact.indices.subarray(i * 15, (i + 1) * 15));
    for (const j of approximate.indices.subarray(i * 15, (i + 1) * 15)) if (truth.has(j)) ++found;
  }
  assert.ok(found / (n * 15) >= 0.95, `recall ${found / (n * 15)}`);
});

test("vectorStore() gives the same distances and margins with WebAssembly SIMD as with plain loops", () => {
  const vectors = blobs(50, 37, 3, 6);
  const simd = vectorStore(vectors, 50, 37, false);
  const plain = vectorStore(vectors, 50, 37, false, false);
  simd.setHyperplane(3, 40);
  plain.setHyperplane(3, 40);
  for (const [i, j] of [
    [0, 1],
    [7, 49],
    [20, 21]
  ] as const) {
    assert.ok(Math.abs(simd.distance(i, j) - plain.distance(i, j)) < 1e-5 * plain.distance(i, j));
    assert.ok(Math.abs(simd.margin(i) - plain.margin(i)) < 1e-4 * (1 + Math.abs(plain.margin(i))));
  }
});
