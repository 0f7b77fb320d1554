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
  for (let i = 0; i < vectors.length; ++i) {
    if (!Number.isFinite(vectors[i]!)) {
      throw new UmapError("knn", `vector ${Math.floor(i / dim)} has ${vectors[i]} at dimension ${i % dim}`);
    }
  }
  return vectors.length / dim;
}
