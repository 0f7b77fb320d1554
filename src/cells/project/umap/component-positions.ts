import {topEigenvectors} from "./krylov-eigen.ts";
import type {Random} from "../../random.ts";

/** The input vectors, when the layout may use them to place the graph's components. */
export interface SourceVectors {
  readonly vectors: Float32Array;
  readonly dim: number;
}

/**
 * Where to put each connected component (count × dim, within [−1, 1]), as umap-learn's
 * `multi_component_layout` does: up to 2·dim components on the ± unit axes; more on the principal axes of
 * their centroids in the input space (umap-learn embeds the centroids spectrally, which degenerates when
 * they are far apart), or at random without the input vectors.
 */
export function componentPositions(
  count: number,
  labels: Int32Array,
  dim: number,
  random: Random,
  source?: SourceVectors
): Float64Array {
  const positions = new Float64Array(count * dim);
  if (count <= 2 * dim) {
    const half = Math.ceil(count / 2);
    for (let c = 0; c < count; ++c) positions[c * dim + (c % half)] = c < half ? 1 : -1;
    return positions;
  }
  if (!source) {
    for (let s = 0; s < positions.length; ++s) positions[s] = random.float() * 2 - 1;
    return positions;
  }
  const centroids = centeredCentroids(count, labels, source);
  const width = source.dim;
  const gram = (x: Float64Array, y: Float64Array): void => {
    const projected = new Float64Array(width);
    for (let c = 0; c < count; ++c)
      for (let d = 0; d < width; ++d) projected[d]! += centroids[c * width + d]! * x[c]!;
    for (let c = 0; c < count; ++c) {
      let sum = 0;
      for (let d = 0; d < width; ++d) sum += centroids[c * width + d]! * projected[d]!;
      y[c] = sum;
    }
  };
  const start = new Float64Array(count);
  for (let c = 0; c < count; ++c) start[c] = random.normal();
  const axes = topEigenvectors(gram, count, dim, start, {basisSize: 24, tolerance: 1e-6, maxRestarts: 30});
  const image = new Float64Array(count);
  axes.forEach((axis, d) => {
    gram(axis, image);
    let variance = 0;
    for (let c = 0; c < count; ++c) variance += axis[c]! * image[c]!;
    const sd = Math.sqrt(Math.max(variance, 0));
    for (let c = 0; c < count; ++c) positions[c * dim + d] = axis[c]! * sd;
  });
  let max = 0;
  for (const value of positions) max = Math.max(max, Math.abs(value));
  if (max > 0) for (let s = 0; s < positions.length; ++s) positions[s]! /= max;
  return positions;
}

function centeredCentroids(count: number, labels: Int32Array, {vectors, dim}: SourceVectors): Float64Array {
  const sums = new Float64Array(count * dim);
  const sizes = new Float64Array(count);
  for (let i = 0; i < labels.length; ++i) {
    const c = labels[i]!;
    ++sizes[c]!;
    for (let d = 0; d < dim; ++d) sums[c * dim + d]! += vectors[i * dim + d]!;
  }
  const mean = new Float64Array(dim);
  for (let c = 0; c < count; ++c) {
    for (let d = 0; d < dim; ++d) {
      sums[c * dim + d]! /= sizes[c]!;
      mean[d]! += sums[c * dim + d]! / count;
    }
  }
  for (let c = 0; c < count; ++c) for (let d = 0; d < dim; ++d) sums[c * dim + d]! -= mean[d]!;
  return sums;
}
