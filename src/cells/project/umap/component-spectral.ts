import type {FuzzyGraph} from "./fuzzy-graph.ts";
import {jacobiEigen} from "./jacobi-eigen.ts";
import {topEigenvectors} from "./krylov-eigen.ts";
import type {Random} from "../../random.ts";

/** Components up to this size are solved densely; larger ones by thick-restarted Lanczos. */
const DENSE_MAX = 96;
/** Lanczos settings: umap-learn asks ARPACK for a 1e-4 tolerance. */
const KRYLOV = {basisSize: 32, tolerance: 1e-4, maxRestarts: 60};

/**
 * umap-learn's spectral embedding of one connected component: the eigenvectors of the normalized Laplacian
 * I − D^−½ W D^−½ for its 2nd to (dim+1)th smallest eigenvalues, i.e. the largest eigenvectors of
 * D^−½ W D^−½ after the trivial one (∝ √degree). `members` lists the component's points; `local` maps a
 * point to its position in `members`; `start` is its `componentStart`. Returns members.length × dim values,
 * or null if no basis was found.
 */
export function componentSpectral(
  graph: FuzzyGraph,
  members: Int32Array,
  local: Int32Array,
  dim: number,
  start: Float64Array | null
): Float64Array | null {
  const size = members.length;
  const {indptr, indices, weights} = graph;
  const scale = new Float64Array(size);
  for (let i = 0; i < size; ++i) {
    const row = members[i]!;
    let degree = 0;
    for (let e = indptr[row]!; e < indptr[row + 1]!; ++e) degree += weights[e]!;
    scale[i] = 1 / Math.sqrt(degree);
  }
  // The operator's rows in the component's own numbering, each weight already times its column's scale:
  // (weight · scale) · x is the product the definition multiplies left to right, so y is the same bit for
  // bit, with one lookup and one multiplication an edge in the loop run hundreds of times.
  const starts = new Int32Array(size + 1);
  for (let i = 0; i < size; ++i) starts[i + 1] = starts[i]! + indptr[members[i]! + 1]! - indptr[members[i]!]!;
  const columns = new Int32Array(starts[size]!);
  const scaled = new Float64Array(starts[size]!);
  for (let i = 0, slot = 0; i < size; ++i) {
    for (let e = indptr[members[i]!]!, end = indptr[members[i]! + 1]!; e < end; ++e, ++slot) {
      const j = local[indices[e]!]!;
      columns[slot] = j;
      scaled[slot] = weights[e]! * scale[j]!;
    }
  }
  const apply = (x: Float64Array, y: Float64Array): void => {
    for (let i = 0; i < size; ++i) {
      let sum = 0;
      for (let s = starts[i]!, end = starts[i + 1]!; s < end; ++s) sum += scaled[s]! * x[columns[s]!]!;
      y[i] = scale[i]! * sum;
    }
  };
  const vectors = start ? sparseTop(apply, scale, dim, start) : denseTop(apply, size, dim);
  if (!vectors || vectors.length < dim) return null;
  const out = new Float64Array(size * dim);
  for (let c = 0; c < dim; ++c) for (let i = 0; i < size; ++i) out[i * dim + c] = vectors[c]![i]!;
  return out;
}

/** All eigenvectors of the small operator, densely; the first (trivial) one skipped. */
function denseTop(
  apply: (x: Float64Array, y: Float64Array) => void,
  size: number,
  dim: number
): Float64Array[] {
  const matrix = new Float64Array(size * size);
  const unit = new Float64Array(size);
  const column = new Float64Array(size);
  for (let j = 0; j < size; ++j) {
    unit.fill(0);
    unit[j] = 1;
    apply(unit, column);
    for (let i = 0; i < size; ++i) matrix[i * size + j] = column[i]!;
  }
  const {vectors} = jacobiEigen(matrix, size);
  const out: Float64Array[] = [];
  for (let c = 1; c <= dim && c < size; ++c) {
    const v = new Float64Array(size);
    for (let i = 0; i < size; ++i) v[i] = vectors[i * size + c]!;
    out.push(v);
  }
  return out;
}

/**
 * The start vector `componentSpectral` takes for a component of `size` points: standard normal draws for
 * one solved by Lanczos, none (null) for one solved densely.
 */
export function componentStart(size: number, random: Random): Float64Array | null {
  if (size <= DENSE_MAX) return null;
  const start = new Float64Array(size);
  for (let i = 0; i < size; ++i) start[i] = random.normal();
  return start;
}

/** The top eigenvectors after the trivial one, which is known (∝ 1 / scale = √degree) and deflated. */
function sparseTop(
  apply: (x: Float64Array, y: Float64Array) => void,
  scale: Float64Array,
  dim: number,
  start: Float64Array
): Float64Array[] {
  const size = scale.length;
  const trivial = new Float64Array(size);
  let norm = 0;
  for (let i = 0; i < size; ++i) {
    trivial[i] = 1 / scale[i]!;
    norm += trivial[i]! * trivial[i]!;
  }
  for (let i = 0; i < size; ++i) trivial[i]! /= Math.sqrt(norm);
  return topEigenvectors(apply, size, dim, start, {...KRYLOV, deflate: trivial});
}
