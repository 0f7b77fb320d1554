import {Random} from "../../src/cells/random.ts";

/** A seeded, structured point set: clusters that are low-dimensional blobs in a high-dimensional space. */
export interface MixtureSpec {
  readonly n: number;
  readonly dim: number;
  readonly clusters: number;
  /** Dimensions each cluster spreads along (its own random subspace). */
  readonly spreadDims: number;
  readonly seed: number;
}

/**
 * A Gaussian mixture in `dim` dimensions: cluster centres N(0, 4² I); each point is its centre plus a
 * N(0, I) mix of the cluster's `spreadDims` random directions (each of length ~3) plus N(0, 0.5² I) noise,
 * so that clusters overlap a little and have inner structure, like sentence embeddings of a few topics.
 */
export function gaussianMixture({n, dim, clusters, spreadDims, seed}: MixtureSpec): Float32Array {
  const random = new Random(seed);
  const centres = new Float32Array(clusters * dim);
  for (let s = 0; s < centres.length; ++s) centres[s] = 4 * random.normal();
  const directions = new Float32Array(clusters * spreadDims * dim);
  const directionScale = 3 / Math.sqrt(dim);
  for (let s = 0; s < directions.length; ++s) directions[s] = directionScale * random.normal();
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; ++i) {
    const c = random.below(clusters);
    const row = out.subarray(i * dim, (i + 1) * dim);
    for (let d = 0; d < dim; ++d) row[d] = centres[c * dim + d]! + 0.5 * random.normal();
    for (let t = 0; t < spreadDims; ++t) {
      const z = random.normal();
      const base = (c * spreadDims + t) * dim;
      for (let d = 0; d < dim; ++d) row[d]! += z * directions[base + d]!;
    }
  }
  return out;
}
