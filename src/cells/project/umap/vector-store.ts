import {squaredDistance} from "./distance.ts";
import {simdKernels, type SimdKernels} from "./simd-kernel.ts";

/**
 * The input vectors as the neighbour search reads them: squared Euclidean distances between points, and
 * margins from a splitting hyperplane. Backed by WebAssembly SIMD where the engine has it (about 6× faster
 * on 384 dimensions, f32 sums), else by plain loops over the Float32Array (f64 sums).
 */
export interface VectorStore {
  readonly n: number;
  /** Squared Euclidean distance between points i and j. */
  distance(i: number, j: number): number;
  /** Sets the hyperplane halfway between points a and b, normal to a − b, that `margin` measures from. */
  setHyperplane(a: number, b: number): void;
  /** (x_p − midpoint) · (x_a − x_b): positive on a's side of the hyperplane. */
  margin(p: number): number;
}

/** Beyond this many bytes of padded rows, the plain store is used rather than a copy in wasm memory. */
export const SIMD_MAX_BYTES = 2 ** 30;
export const PAGE = 65536;

/** Floats per padded row in wasm memory: the kernels read 8 lanes per step. */
export const paddedStride = (dim: number): number => Math.ceil(dim / 8) * 8;

/**
 * A store of row-major `vectors` (n × dim), scaled to unit length when `unit` (for the cosine metric);
 * `simd` false forces the plain loops.
 */
export function vectorStore(
  vectors: Float32Array,
  n: number,
  dim: number,
  unit: boolean,
  simd = true
): VectorStore {
  const stride = paddedStride(dim);
  const bytes = (n + 1) * stride * 4;
  if (simd && bytes <= SIMD_MAX_BYTES && typeof WebAssembly === "object") {
    const memory = new WebAssembly.Memory({initial: Math.ceil(bytes / PAGE)});
    const kernels = simdKernels(memory);
    if (kernels) {
      const rows = new Float32Array(memory.buffer, 0, (n + 1) * stride);
      copyRows(rows, vectors, n, dim, stride, unit);
      return new SimdStore(rows, n, dim, stride, n, kernels);
    }
  }
  return new ArrayStore(unit ? unitRows(vectors, n, dim) : vectors, n, dim);
}

/** Copies the n rows of `vectors` into `rows` at `stride` floats apart (scaled to unit length if `unit`). */
export function copyRows(
  rows: Float32Array,
  vectors: Float32Array,
  n: number,
  dim: number,
  stride: number,
  unit: boolean
): void {
  for (let i = 0; i < n; ++i) {
    rows.set(vectors.subarray(i * dim, (i + 1) * dim), i * stride);
    if (unit) scaleToUnit(rows.subarray(i * stride, i * stride + dim));
  }
}

/**
 * The store over padded rows in wasm memory. Row `normalRow` (≥ n) holds the current hyperplane's normal:
 * each thread that shares the rows has one of its own.
 */
export class SimdStore implements VectorStore {
  private readonly rowBytes: number;
  /** Byte offset of the normal's row (its padding stays zero). */
  private readonly normal: number;
  private offset = 0;

  constructor(
    private readonly rows: Float32Array,
    readonly n: number,
    private readonly dim: number,
    private readonly stride: number,
    private readonly normalRow: number,
    private readonly kernels: SimdKernels
  ) {
    this.rowBytes = stride * 4;
    this.normal = normalRow * this.rowBytes;
  }

  distance(i: number, j: number): number {
    const a = i * this.rowBytes;
    return this.kernels.sqdist(a, j * this.rowBytes, a + this.rowBytes);
  }

  setHyperplane(a: number, b: number): void {
    const {rows, stride, dim, normal, rowBytes, kernels} = this;
    const base = this.normalRow * stride;
    for (let d = 0; d < dim; ++d) rows[base + d] = rows[a * stride + d]! - rows[b * stride + d]!;
    const end = normal + rowBytes;
    this.offset = -(kernels.dot(normal, a * rowBytes, end) + kernels.dot(normal, b * rowBytes, end)) / 2;
  }

  margin(p: number): number {
    return this.offset + this.kernels.dot(this.normal, p * this.rowBytes, this.normal + this.rowBytes);
  }
}

export class ArrayStore implements VectorStore {
  private readonly normal: Float64Array;
  private offset = 0;

  constructor(
    private readonly data: Float32Array,
    readonly n: number,
    private readonly dim: number
  ) {
    this.normal = new Float64Array(dim);
  }

  distance(i: number, j: number): number {
    return squaredDistance(this.data, i * this.dim, j * this.dim, this.dim);
  }

  setHyperplane(a: number, b: number): void {
    const {data, dim, normal} = this;
    let offset = 0;
    for (let d = 0; d < dim; ++d) {
      normal[d] = data[a * dim + d]! - data[b * dim + d]!;
      offset -= (normal[d]! * (data[a * dim + d]! + data[b * dim + d]!)) / 2;
    }
    this.offset = offset;
  }

  margin(p: number): number {
    const {data, dim, normal} = this;
    let margin = this.offset;
    for (let d = 0; d < dim; ++d) margin += normal[d]! * data[p * dim + d]!;
    return margin;
  }
}

/** Copies the vectors scaled to unit length, so that squared Euclidean distance / 2 = cosine distance. */
export function unitRows(vectors: Float32Array, n: number, dim: number): Float32Array {
  const out = vectors.slice();
  for (let i = 0; i < n; ++i) scaleToUnit(out.subarray(i * dim, (i + 1) * dim));
  return out;
}

/** A zero vector stays zero: it sits at cosine distance 0.5 from every other vector. */
function scaleToUnit(row: Float32Array): void {
  let norm = 0;
  for (const x of row) norm += x * x;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let d = 0; d < row.length; ++d) row[d]! *= scale;
  }
}
