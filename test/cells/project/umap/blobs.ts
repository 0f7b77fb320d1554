import {Random} from "../../../../src/cells/random.ts";

/** Seeded Gaussian blobs: `clusters` centres N(0, 3² I), points N(centre, I); row-major n × dim. */
export function blobs(n: number, dim: number, clusters: number, seed: number): Float32Array {
  const random = new Random(seed);
  const centres = Float32Array.from({length: clusters * dim}, () => 3 * random.normal());
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; ++i) {
    const c = i % clusters;
    for (let d = 0; d < dim; ++d) out[i * dim + d] = centres[c * dim + d]! + random.normal();
  }
  return out;
}
