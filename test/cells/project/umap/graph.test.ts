import assert from "node:assert/strict";
import {test} from "node:test";
import {findAbParams} from "../../../../src/cells/project/umap/ab-params.ts";
import {fuzzySimplicialSet} from "../../../../src/cells/project/umap/index.ts";
import {smoothKnnDist} from "../../../../src/cells/project/umap/smooth-knn.ts";
import {reference} from "./reference.ts";

const {graph} = reference;
const knn = {
  n: graph.n,
  k: graph.k,
  indices: Int32Array.from(graph.indices),
  distances: Float32Array.from(graph.distances),
  metric: "euclidean",
  exact: true
} as const;

const close = (a: number, b: number, tolerance: number) =>
  Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

test("smoothKnnDist() finds umap-learn's σ and ρ on the first digits", () => {
  const {sigmas, rhos} = smoothKnnDist(knn.distances, graph.n, graph.k);
  sigmas.forEach((sigma, i) =>
    assert.ok(close(sigma, graph.sigmas[i]!, 1e-5), `σ${i}: ${sigma} vs ${graph.sigmas[i]}`)
  );
  rhos.forEach((rho, i) => assert.ok(close(rho, graph.rhos[i]!, 1e-6), `ρ${i}: ${rho} vs ${graph.rhos[i]}`));
});

test("fuzzySimplicialSet() builds umap-learn's fuzzy union, edge for edge", () => {
  const result = fuzzySimplicialSet(knn);
  assert.deepEqual(Array.from(result.indptr), graph.indptr);
  assert.deepEqual(Array.from(result.indices), graph.columns);
  result.weights.forEach((w, e) =>
    assert.ok(close(w, graph.weights[e]!, 1e-5), `edge ${e}: ${w} vs ${graph.weights[e]}`)
  );
});

test("fuzzySimplicialSet() is symmetric with weights in (0, 1]", () => {
  const {n, indptr, indices, weights} = fuzzySimplicialSet(knn);
  const weight = (i: number, j: number) => {
    for (let e = indptr[i]!; e < indptr[i + 1]!; ++e) if (indices[e] === j) return weights[e]!;
    return 0;
  };
  for (let i = 0; i < n; ++i) {
    for (let e = indptr[i]!; e < indptr[i + 1]!; ++e) {
      assert.ok(weights[e]! > 0 && weights[e]! <= 1);
      assert.equal(weight(indices[e]!, i), weights[e]);
    }
  }
});

test("findAbParams() fits umap-learn's a and b", () => {
  for (const {spread, minDist, a, b} of reference.abParams) {
    const fit = findAbParams(spread, minDist);
    assert.ok(
      close(fit.a, a, 1e-4) && close(fit.b, b, 1e-4),
      `${spread}, ${minDist}: ${fit.a}, ${fit.b} vs ${a}, ${b}`
    );
  }
});
