import {Random} from "../../../src/cells/random.ts";

/**
 * The fraction of points whose nearest other point (Euclidean, brute force) has the same label: how well an
 * embedding puts like with like. `points` are indices into `vectors` (n × dim).
 */
export function neighbourAgreement(
  vectors: Float32Array,
  dim: number,
  points: ArrayLike<number>,
  labels: readonly string[]
): number {
  let agree = 0;
  for (let a = 0; a < points.length; ++a) {
    let best = Infinity;
    let nearest = -1;
    for (let b = 0; b < points.length; ++b) {
      if (a === b) continue;
      let d = 0;
      for (let j = 0; j < dim; ++j)
        d += (vectors[points[a]! * dim + j]! - vectors[points[b]! * dim + j]!) ** 2;
      if (d < best) [best, nearest] = [d, b];
    }
    if (labels[nearest] === labels[a]) ++agree;
  }
  return agree / points.length;
}

/** The same agreement with the labels shuffled (seeded), averaged over `trials`: what chance gives. */
export function shuffledAgreement(
  vectors: Float32Array,
  dim: number,
  points: ArrayLike<number>,
  labels: readonly string[],
  trials = 5
): number {
  const random = new Random(42);
  let sum = 0;
  for (let t = 0; t < trials; ++t) {
    const shuffled = [...labels];
    for (let i = shuffled.length - 1; i > 0; --i) {
      const j = random.below(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    sum += neighbourAgreement(vectors, dim, points, shuffled);
  }
  return sum / trials;
}
