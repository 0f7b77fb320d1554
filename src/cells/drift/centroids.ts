import type {EmbeddingVectors} from "../dataset/dataset.ts";

/** The mean of the given rows' vectors (rows without a vector skipped) and how many there were. */
export function centroid(
  embedding: EmbeddingVectors,
  hasVector: Uint8Array,
  rows?: ArrayLike<number>
): {mean: Float64Array; count: number} {
  const {dim, vectors} = embedding;
  const sum = new Float64Array(dim);
  let count = 0;
  const add = (row: number) => {
    if (!hasVector[row]) return;
    ++count;
    const offset = row * dim;
    for (let j = 0; j < dim; ++j) sum[j]! += vectors[offset + j]!;
  };
  if (rows === undefined) for (let i = 0; i < embedding.rows.length; ++i) add(embedding.rows[i]!);
  else for (let i = 0; i < rows.length; ++i) add(rows[i]!);
  if (count > 0) for (let j = 0; j < dim; ++j) sum[j]! /= count;
  return {mean: sum, count};
}

/** A 0/1 flag per row: whether the row has a vector. */
export function vectorMask(embedding: EmbeddingVectors, numRows: number): Uint8Array {
  const mask = new Uint8Array(numRows);
  for (let i = 0; i < embedding.rows.length; ++i) mask[embedding.rows[i]!] = 1;
  return mask;
}

export function euclidean(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; ++j) sum += (a[j]! - b[j]!) ** 2;
  return Math.sqrt(sum);
}
