/** umap-learn's constants: the binary search's tolerance, and the floor of σ relative to mean distances. */
const TOLERANCE = 1e-5;
const MIN_K_DIST_SCALE = 1e-3;
const ITERATIONS = 64;

/** Per point: ρ, the distance to its nearest other neighbour, and σ, the scale of its fuzzy set. */
export interface SmoothKnn {
  readonly sigmas: Float32Array;
  readonly rhos: Float32Array;
}

/**
 * umap-learn's `smooth_knn_dist` with local_connectivity 1 and bandwidth 1: for each point, ρ is the first
 * non-zero neighbour distance, and σ is found by binary search so that Σ_j exp(−max(0, d_j − ρ) / σ) over
 * the neighbours after the first equals log2(k).
 */
export function smoothKnnDist(distances: Float32Array, n: number, k: number): SmoothKnn {
  const out = {sigmas: new Float32Array(n), rhos: new Float32Array(n)};
  smoothRows(distances, k, meanKnnDistance(distances, n, k), out, 0, n);
  return out;
}

/** The mean of every neighbour distance, summed in index order: the floor of σ for a point whose ρ is 0. */
export function meanKnnDistance(distances: Float32Array, n: number, k: number): number {
  let total = 0;
  for (let s = 0; s < n * k; ++s) total += distances[s]!;
  return total / (n * k);
}

/**
 * σ and ρ of rows [from, to) into `out`: each row's depend only on its own distances and `meanDistance`, so
 * threads that take a run of rows each write what one thread would, bit for bit.
 */
export function smoothRows(
  distances: Float32Array,
  k: number,
  meanDistance: number,
  {sigmas, rhos}: SmoothKnn,
  from: number,
  to: number
): void {
  const target = Math.log2(k);
  for (let i = from; i < to; ++i) {
    const base = i * k;
    let rowTotal = 0;
    let rho = 0;
    for (let j = 0; j < k; ++j) {
      const d = distances[base + j]!;
      rowTotal += d;
      if (rho === 0 && d > 0) rho = d;
    }
    rho = Math.fround(rho);
    let lo = 0;
    let hi = Infinity;
    let mid = 1;
    for (let iter = 0; iter < ITERATIONS; ++iter) {
      let psum = 0;
      for (let j = 1; j < k; ++j) {
        const d = distances[base + j]! - rho;
        psum += d > 0 ? Math.exp(-(d / mid)) : 1;
      }
      if (Math.abs(psum - target) < TOLERANCE) break;
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi === Infinity ? mid * 2 : (lo + hi) / 2;
      }
    }
    const floor = MIN_K_DIST_SCALE * (rho > 0 ? rowTotal / k : meanDistance);
    sigmas[i] = Math.max(mid, floor);
    rhos[i] = rho;
  }
}
