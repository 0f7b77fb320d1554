/** A seeded generator of uniform numbers in [0, 1) (mulberry32): same seed, same test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n seeded uniform points in [0, scale)^dims, row-major; `round` snaps them to a grid of that step. */
export function uniformPoints(n: number, dims: number, seed: number, scale = 10, round = 0): Float64Array {
  const random = seededRandom(seed);
  const points = new Float64Array(n * dims);
  for (let i = 0; i < points.length; ++i) {
    const x = random() * scale;
    points[i] = round ? Math.round(x / round) * round : x;
  }
  return points;
}
