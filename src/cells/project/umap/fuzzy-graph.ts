import {UmapError} from "./errors.ts";
import type {KnnGraph} from "./knn.ts";
import {smoothKnnDist, type SmoothKnn} from "./smooth-knn.ts";

/** A symmetric weighted graph in compressed sparse rows: row i's edges are indptr[i] … indptr[i+1]. */
export interface FuzzyGraph {
  /** Points. */
  readonly n: number;
  /** n + 1 row offsets into `indices` and `weights`. */
  readonly indptr: Int32Array;
  /** Column of each edge, ascending within a row. */
  readonly indices: Int32Array;
  /** Membership strength of each edge, in (0, 1]. */
  readonly weights: Float32Array;
}

/**
 * umap-learn's `fuzzy_simplicial_set` from a kNN graph: each point's neighbours get membership
 * exp(−(d − ρ) / σ) (1 within ρ, 0 for the point itself), and the directed sets are joined by fuzzy union
 * w + wᵀ − w·wᵀ.
 */
export function fuzzySimplicialSet(knn: KnnGraph): FuzzyGraph {
  checkKnnGraph(knn);
  return fuzzySetOf(knn, smoothKnnDist(knn.distances, knn.n, knn.k));
}

/** Throws a UmapError unless `knn` is a graph `fuzzySimplicialSet` can take. */
export function checkKnnGraph({n, k, indices, distances}: KnnGraph): void {
  if (!(k >= 2 && n > k && indices.length === n * k && distances.length === n * k))
    throw new UmapError("graph", `kNN graph of ${n} points × ${k} neighbours has ${indices.length} indices`);
}

/** The fuzzy union of a checked kNN graph with its σ and ρ already found (by threads, say). */
export function fuzzySetOf(knn: KnnGraph, {sigmas, rhos}: SmoothKnn): FuzzyGraph {
  const directed = membershipRows(knn, sigmas, rhos);
  return fuzzyUnion(directed, transpose(directed));
}

/** The directed memberships as CSR rows, each row's columns sorted, zeros (self, missing) dropped. */
function membershipRows(
  {n, k, indices, distances}: KnnGraph,
  sigmas: Float32Array,
  rhos: Float32Array
): FuzzyGraph {
  const indptr = new Int32Array(n + 1);
  const columns = new Int32Array(n * k);
  const weights = new Float32Array(n * k);
  const order = new Int32Array(k);
  let nnz = 0;
  for (let i = 0; i < n; ++i) {
    const base = i * k;
    // A stable insertion sort of the row's slots by column: k is small, and a comparator sort per row
    // cost more than the rest of this function.
    for (let j = 0; j < k; ++j) {
      const column = indices[base + j]!;
      let at = j;
      for (; at > 0 && indices[base + order[at - 1]!]! > column; --at) order[at] = order[at - 1]!;
      order[at] = j;
    }
    for (const j of order) {
      const column = indices[base + j]!;
      if (column < 0 || column === i) continue;
      const excess = distances[base + j]! - rhos[i]!;
      const w = excess <= 0 || sigmas[i] === 0 ? 1 : Math.exp(-(excess / sigmas[i]!));
      if (w === 0 || (nnz > indptr[i]! && columns[nnz - 1] === column)) continue;
      columns[nnz] = column;
      weights[nnz++] = w;
    }
    indptr[i + 1] = nnz;
  }
  return {n, indptr, indices: columns.subarray(0, nnz), weights: weights.subarray(0, nnz)};
}

/** The transpose of a CSR matrix by counting sort: its rows come out sorted by column. */
function transpose({n, indptr, indices, weights}: FuzzyGraph): FuzzyGraph {
  const counts = new Int32Array(n + 1);
  for (const column of indices) ++counts[column + 1]!;
  for (let i = 0; i < n; ++i) counts[i + 1]! += counts[i]!;
  const tIndptr = counts.slice();
  const tIndices = new Int32Array(indices.length);
  const tWeights = new Float32Array(indices.length);
  for (let i = 0; i < n; ++i) {
    for (let e = indptr[i]!; e < indptr[i + 1]!; ++e) {
      const slot = counts[indices[e]!]!++;
      tIndices[slot] = i;
      tWeights[slot] = weights[e]!;
    }
  }
  return {n, indptr: tIndptr, indices: tIndices, weights: tWeights};
}

/** Row by row merge of two CSR matrices with sorted rows into a + b − a·b. */
function fuzzyUnion(a: FuzzyGraph, b: FuzzyGraph): FuzzyGraph {
  const n = a.n;
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(a.indices.length + b.indices.length);
  const weights = new Float32Array(indices.length);
  let nnz = 0;
  for (let i = 0; i < n; ++i) {
    let s = a.indptr[i]!;
    let t = b.indptr[i]!;
    const sEnd = a.indptr[i + 1]!;
    const tEnd = b.indptr[i + 1]!;
    while (s < sEnd || t < tEnd) {
      const ca = s < sEnd ? a.indices[s]! : n;
      const cb = t < tEnd ? b.indices[t]! : n;
      const wa = ca <= cb ? a.weights[s++]! : 0;
      const wb = cb <= ca ? b.weights[t++]! : 0;
      indices[nnz] = Math.min(ca, cb);
      weights[nnz++] = wa + wb - wa * wb;
    }
    indptr[i + 1] = nnz;
  }
  return {n, indptr, indices: indices.slice(0, nnz), weights: weights.slice(0, nnz)};
}
