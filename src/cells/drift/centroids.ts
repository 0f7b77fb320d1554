import type {EmbeddingVectors} from "../dataset/dataset.ts";
import {rowSums} from "./row-sums.ts";

/** The mean of the given rows' vectors (rows without a vector skipped) and how many there were. */
export function centroid(
  embedding: EmbeddingVectors,
  hasVector: Uint8Array | null,
  rows: Int32Array = embedding.rows
): {mean: Float64Array; count: number} {
  const {dim, vectors} = embedding;
  const sum = new Float64Array(dim);
  const kept = withVectors(rows, hasVector);
  rowSums(vectors, dim).add(sum, 0, kept, 0, kept.length);
  const count = kept.length;
  if (count > 0) for (let j = 0; j < dim; ++j) sum[j]! /= count;
  return {mean: sum, count};
}

/** The rows, in their order, that have a vector (every row when `hasVector` is null): `rows` itself when all do. */
export function withVectors(rows: Int32Array, hasVector: Uint8Array | null): Int32Array {
  if (hasVector === null) return rows;
  let count = 0;
  for (let i = 0; i < rows.length; ++i) count += hasVector[rows[i]!]!;
  if (count === rows.length) return rows;
  const kept = new Int32Array(count);
  for (let i = 0, k = 0; i < rows.length; ++i) if (hasVector[rows[i]!]) kept[k++] = rows[i]!;
  return kept;
}

/** A 0/1 flag per row: whether the row has a vector; null when every row has one. */
export function vectorMask(embedding: EmbeddingVectors, numRows: number): Uint8Array | null {
  if (embedding.rows.length === numRows) return null;
  const mask = new Uint8Array(numRows);
  for (let i = 0; i < embedding.rows.length; ++i) mask[embedding.rows[i]!] = 1;
  return mask;
}

export function euclidean(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < a.length; ++j) sum += (a[j]! - b[j]!) ** 2;
  return Math.sqrt(sum);
}
