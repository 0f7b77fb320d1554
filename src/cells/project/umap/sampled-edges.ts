import type {FuzzyGraph} from "./fuzzy-graph.ts";
import type {SampledEdges} from "./optimize.ts";

/**
 * umap-learn drops the edges too weak to be sampled once in `nEpochs` (weight < max / nEpochs) before the
 * layout, spectral initialization included.
 */
export function pruneWeakEdges(graph: FuzzyGraph, nEpochs: number): FuzzyGraph {
  const {n, indptr, indices, weights} = graph;
  let max = 0;
  for (const w of weights) max = Math.max(max, w);
  // umap-learn prunes with nEpochs only above 10 epochs, else with its default epochs (500 or 200).
  const threshold = max / (nEpochs > 10 ? nEpochs : n <= 10_000 ? 500 : 200);
  const outIndptr = new Int32Array(n + 1);
  const outIndices = new Int32Array(indices.length);
  const outWeights = new Float32Array(indices.length);
  let nnz = 0;
  for (let i = 0; i < n; ++i) {
    for (let e = indptr[i]!; e < indptr[i + 1]!; ++e) {
      if (weights[e]! < threshold) continue;
      outIndices[nnz] = indices[e]!;
      outWeights[nnz++] = weights[e]!;
    }
    outIndptr[i + 1] = nnz;
  }
  return {n, indptr: outIndptr, indices: outIndices.slice(0, nnz), weights: outWeights.slice(0, nnz)};
}

/** Every edge (both directions, as umap-learn keeps them), sampled in proportion to its weight. */
export function sampledEdges({n, indptr, indices, weights}: FuzzyGraph): SampledEdges {
  const m = indices.length;
  const head = new Int32Array(m);
  let max = 0;
  for (const w of weights) max = Math.max(max, w);
  for (let i = 0; i < n; ++i) head.fill(i, indptr[i]!, indptr[i + 1]!);
  const epochsPerSample = new Float64Array(m);
  for (let e = 0; e < m; ++e) epochsPerSample[e] = max / weights[e]!;
  return {head, tail: indices, epochsPerSample};
}
