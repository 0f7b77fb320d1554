import {gaussianMixture, type MixtureSpec} from "./mixture.ts";

/** One bench case: a data set and the UMAP settings both sides run with. */
export interface Workload {
  readonly mixture: MixtureSpec;
  /** Phoenix's defaults: 30 neighbours, min_dist 0, 3 components; epochs as umap-learn for n. */
  readonly nNeighbors: number;
  readonly nComponents: number;
  readonly minDist: number;
  readonly nEpochs: number;
  readonly seed: number;
}

export function workload(n: number): Workload {
  return {
    mixture: {n, dim: 384, clusters: 20, spreadDims: 16, seed: 7},
    nNeighbors: 30,
    nComponents: 3,
    minDist: 0,
    nEpochs: n <= 10_000 ? 500 : 200,
    seed: 42
  };
}

export function workloadData(work: Workload): Float32Array {
  return gaussianMixture(work.mixture);
}
