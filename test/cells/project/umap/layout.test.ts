import assert from "node:assert/strict";
import {test} from "node:test";
import {fuzzySimplicialSet, knnGraph, layout} from "../../../../src/cells/project/umap/index.ts";
import {jacobiEigen} from "../../../../src/cells/project/umap/jacobi-eigen.ts";
import {topEigenvectors} from "../../../../src/cells/project/umap/krylov-eigen.ts";
import {Random} from "../../../../src/cells/random.ts";
import {blobs} from "./blobs.ts";

const points = blobs(500, 10, 5, 3);

test("layout() reruns on a kept graph: a new minDist gives a new layout of the same points", async () => {
  const graph = fuzzySimplicialSet(await knnGraph(points, 10, {nNeighbors: 15, seed: 0}));
  const tight = await layout(graph, {nComponents: 2, minDist: 0, nEpochs: 50, seed: 1});
  const loose = await layout(graph, {nComponents: 2, minDist: 0.5, nEpochs: 50, seed: 1});
  assert.equal(tight.coordinates.length, 1000);
  assert.equal(loose.coordinates.length, 1000);
  assert.notDeepEqual(tight.coordinates, loose.coordinates);
});

test("layout() of a graph in separate components keeps every point finite, with either init", async () => {
  const far = blobs(300, 10, 6, 9).map((x, i) => x + 100 * (Math.floor(i / 10) % 6));
  const graph = fuzzySimplicialSet(await knnGraph(far, 10, {nNeighbors: 8, seed: 0}));
  for (const init of ["spectral", "random"] as const) {
    const {coordinates} = await layout(graph, {init, nEpochs: 30, seed: 2}, undefined, {
      vectors: far,
      dim: 10
    });
    assert.ok(coordinates.every(Number.isFinite));
  }
});

test("topEigenvectors() finds the largest eigenvectors of a symmetric matrix, as a dense solver does", () => {
  const m = 150;
  const random = new Random(4);
  const matrix = new Float64Array(m * m);
  for (let i = 0; i < m; ++i) {
    for (let j = i; j < m; ++j) matrix[i * m + j] = matrix[j * m + i] = random.normal() / Math.sqrt(m);
  }
  const apply = (x: Float64Array, y: Float64Array) => {
    for (let i = 0; i < m; ++i)
      y[i] = matrix.subarray(i * m, (i + 1) * m).reduce((s, a, j) => s + a * x[j]!, 0);
  };
  const start = Float64Array.from({length: m}, () => random.normal());
  const vectors = topEigenvectors(apply, m, 3, start, {basisSize: 30, tolerance: 1e-8, maxRestarts: 500});
  const {values} = jacobiEigen(matrix, m);
  const image = new Float64Array(m);
  vectors.forEach((v, c) => {
    apply(v, image);
    const rayleigh = v.reduce((s, x, i) => s + x * image[i]!, 0);
    assert.ok(Math.abs(rayleigh - values[c]!) < 1e-6, `eigenvalue ${c}: ${rayleigh} vs ${values[c]}`);
  });
});
