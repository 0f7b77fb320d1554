import assert from "node:assert/strict";
import {test} from "node:test";
import {
  fuzzySimplicialSet,
  knnGraph,
  layout,
  umap,
  UmapError
} from "../../../../src/cells/project/umap/index.ts";
import {blobs} from "./blobs.ts";

const points = blobs(40, 4, 2, 1);

/** Asserts that `promise` rejects with a UmapError of that stage whose message matches. */
async function rejectsAt(promise: Promise<unknown>, stage: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof UmapError, `not a UmapError: ${String(error)}`);
    assert.equal(error.stage, stage);
    assert.match(error.message, message);
    return true;
  });
}

// Fewer points than nNeighbors + 1 are projected with n − 1 neighbours, as umap-learn: small-data.test.ts.

test("umap() rejects an empty set of vectors", async () => {
  await rejectsAt(umap(new Float32Array(0), 4, {seed: 0}), "knn", /no vectors/);
});

test("umap() rejects NaN, naming the vector and the dimension", async () => {
  const bad = points.slice();
  bad[5 * 4 + 2] = NaN;
  await rejectsAt(umap(bad, 4, {nNeighbors: 5, seed: 0}), "knn", /vector 5 has NaN at dimension 2/);
});

test("umap() rejects values that are not whole vectors", async () => {
  await rejectsAt(umap(points.subarray(0, 41), 4, {seed: 0}), "knn", /41 values .* 4-dimensional/);
});

test("umap() rejects nComponents other than 2 or 3, naming it", async () => {
  await rejectsAt(
    umap(points, 4, {nNeighbors: 5, nComponents: 4, seed: 0}),
    "layout",
    /nComponents must be 2 or 3, not 4/
  );
});

test("knnGraph() rejects an unknown metric", async () => {
  const options = {metric: "manhattan" as "euclidean", seed: 0};
  await rejectsAt(knnGraph(points, 4, options), "knn", /unknown metric: "manhattan"/);
});

test("knnGraph() rejects a seed that is not a finite number", async () => {
  await rejectsAt(
    knnGraph(points, 4, {nNeighbors: 5, seed: NaN}),
    "knn",
    /seed must be a finite number, not NaN/
  );
});

test("layout() rejects minDist above spread", async () => {
  const graph = fuzzySimplicialSet(await knnGraph(points, 4, {nNeighbors: 5, seed: 0}));
  await rejectsAt(
    layout(graph, {minDist: 2, seed: 0}),
    "layout",
    /minDist must be in \[0, spread = 1\], not 2/
  );
});

test("fuzzySimplicialSet() rejects a kNN graph whose arrays do not match its size", () => {
  const knn = {
    n: 10,
    k: 3,
    indices: new Int32Array(20),
    distances: new Float32Array(30),
    metric: "euclidean",
    exact: true
  } as const;
  assert.throws(
    () => fuzzySimplicialSet(knn),
    (error: unknown) => error instanceof UmapError && error.stage === "graph"
  );
});
