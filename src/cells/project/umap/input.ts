import {UmapError} from "./errors.ts";

/** Checks a row-major block of vectors and returns how many rows it has. */
export function checkVectors(vectors: Float32Array, dim: number): number {
  if (!Number.isInteger(dim) || dim < 1) throw new UmapError("knn", `dim must be an integer ≥ 1, not ${dim}`);
  if (vectors.length === 0) throw new UmapError("knn", "no vectors");
  if (vectors.length % dim !== 0)
    throw new UmapError(
      "knn",
      `${vectors.length} values are not a whole number of ${dim}-dimensional vectors`
    );
  if (!allFinite(vectors)) {
    const i = vectors.findIndex((value) => !Number.isFinite(value));
    throw new UmapError("knn", `vector ${Math.floor(i / dim)} has ${vectors[i]} at dimension ${i % dim}`);
  }
  return vectors.length / dim;
}

/**
 * Whether every value is finite, in one branch-free pass: value · 0 is 0 for a finite value and NaN for NaN or
 * ±∞, so the sums stay 0 until one is not (four of them, so that the adds do not wait on one another). A call
 * of Number.isFinite per value took ~0.1 s on 30k × 384.
 */
function allFinite(values: Float32Array): boolean {
  let [a, b, c, d] = [0, 0, 0, 0];
  const end = values.length - (values.length % 4);
  for (let i = 0; i < end; i += 4) {
    a += values[i]! * 0;
    b += values[i + 1]! * 0;
    c += values[i + 2]! * 0;
    d += values[i + 3]! * 0;
  }
  for (let i = end; i < values.length; ++i) a += values[i]! * 0;
  return a + b + c + d === 0;
}
