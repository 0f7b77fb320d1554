import {mulberry32} from "../../helpers/mulberry32.ts";

/** A seeded generator of uniform numbers in [0, 1): same seed, same test data. */
export const seededRandom = mulberry32;

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
