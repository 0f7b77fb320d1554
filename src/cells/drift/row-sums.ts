import {rowSumsKernel, type RowSumsKernel} from "./row-sums-kernel.ts";

/**
 * Row sums, the hot loops of every centroid: each sum takes its rows one after the other, so that the
 * WebAssembly SIMD kernel (row-sums-kernel.ts, four values per step, four rows per load of the sums) and
 * the plain loops used without it give the same sums to the last bit.
 */
export interface RowSums {
  /** Adds the vectors of rows[from], …, rows[to − 1], in that order, to sums[offset … offset + dim). */
  add(sums: Float64Array, offset: number, rows: Int32Array, from: number, to: number): void;
}

/** Bytes of vectors staged in wasm memory at a time: a few dozen rows, which stay in the cache. */
const STAGE_BYTES = 1 << 17;
const PAGE = 65536;

/**
 * Sums over the rows of `vectors` (row-major, `dim` per row). The kernel reads wasm memory only: rows are
 * copied there in runs of consecutive rows (one copy per run; rows in time order are consecutive in most
 * files), which costs less than the adds it saves. `simd` false forces the plain loop.
 */
export function rowSums(vectors: Float32Array, dim: number, simd = true): RowSums {
  const wasm = simd ? WasmSums.create(vectors, dim, 0) : null;
  if (!wasm)
    return {add: (sums, offset, rows, from, to) => addRows(sums, offset, vectors, dim, 0, rows, from, to)};
  const {width} = wasm;
  const wasmSums = wasm.f64(0, width);
  return {
    add(sums, offset, rows, from, to) {
      wasmSums.set(sums.subarray(offset, offset + width));
      wasm.add(0, rows, from, to);
      sums.set(wasmSums, offset);
      if (width < dim) addRows(sums, offset, vectors, dim, width, rows, from, to);
    }
  };
}

/**
 * The sums of the vectors in overlapping windows, from one pass over the rows: each row is added to its
 * bucket once (bucket b: rows order[starts[b]] … order[starts[b + 1] − 1], in that order), then window w
 * adds its buckets bounds[2w] … bounds[2w + 1] − 1 in order. `each(w, sums)` gets window w's sums (one
 * buffer, reused from a window to the next). The buckets stay in wasm memory: no array of them is made.
 */
export function windowSums(
  vectors: Float32Array,
  dim: number,
  order: Int32Array,
  starts: Int32Array,
  bounds: Int32Array,
  each: (w: number, sums: Float64Array) => void,
  simd = true
): void {
  const numBuckets = Math.max(starts.length - 1, 0);
  const numWindows = bounds.length / 2;
  const out = new Float64Array(dim);
  const wasm = simd ? WasmSums.create(vectors, dim, numBuckets) : null;
  const width = wasm ? wasm.width : 0;
  // Values the kernel leaves (all of them without it): per bucket, dim − width of them, in a plain array.
  const rest = dim - width;
  const buckets = new Float64Array(numBuckets * rest);
  for (let b = 0; b < numBuckets; ++b) {
    wasm?.add(wasm.bucket(b), order, starts[b]!, starts[b + 1]!);
    if (rest) addRows(buckets, b * rest - width, vectors, dim, width, order, starts[b]!, starts[b + 1]!);
  }
  const wasmSums = wasm?.f64(0, width);
  for (let w = 0; w < numWindows; ++w) {
    const [from, to] = [bounds[2 * w]!, bounds[2 * w + 1]!];
    if (wasm) {
      wasmSums!.fill(0);
      wasm.addBuckets(from, to);
      out.set(wasmSums!);
    }
    out.fill(0, width);
    for (let b = from; b < to; ++b)
      for (let j = width; j < dim; ++j) out[j]! += buckets[b * rest + j - width]!;
    each(w, out);
  }
}

/**
 * Wasm memory laid out for the kernel: sums (width f64) at 0, then the staged rows, then `numBuckets` rows
 * of sums. The kernel adds `width` values of each row, dim rounded down to a multiple of 4.
 */
class WasmSums {
  private readonly stage: Float32Array;
  private readonly capacity: number;
  private readonly bucketsAt: number;

  static create(vectors: Float32Array, dim: number, numBuckets: number): WasmSums | null {
    const width = dim - (dim % 4);
    const capacity = Math.max(4, Math.floor(STAGE_BYTES / (dim * 4)));
    const bytes = width * 8 * (1 + numBuckets) + capacity * dim * 4;
    if (width === 0 || typeof WebAssembly !== "object" || bytes > 2 ** 31) return null;
    const memory = new WebAssembly.Memory({initial: Math.ceil(bytes / PAGE)});
    const kernel = rowSumsKernel(memory);
    return kernel && new WasmSums(vectors, dim, width, capacity, memory, kernel);
  }

  private constructor(
    private readonly vectors: Float32Array,
    private readonly dim: number,
    readonly width: number,
    capacity: number,
    private readonly memory: WebAssembly.Memory,
    private readonly kernel: RowSumsKernel
  ) {
    this.capacity = capacity;
    this.stage = new Float32Array(memory.buffer, width * 8, capacity * dim);
    this.bucketsAt = width * 8 + capacity * dim * 4;
  }

  f64(byteOffset: number, length: number): Float64Array {
    return new Float64Array(this.memory.buffer, byteOffset, length);
  }

  /** The byte offset of bucket b's sums. */
  bucket(b: number): number {
    return this.bucketsAt + b * this.width * 8;
  }

  /** Adds rows[from … to) to the sums at byte offset `sums`. */
  add(sums: number, rows: Int32Array, from: number, to: number): void {
    const {vectors, dim, stage, capacity} = this;
    let staged = 0;
    for (let i = from; i < to;) {
      const first = rows[i]!;
      const most = Math.min(to - i, capacity - staged);
      let length = 1;
      while (length < most && rows[i + length] === first + length) ++length;
      stage.set(vectors.subarray(first * dim, (first + length) * dim), staged * dim);
      staged += length;
      i += length;
      if (staged === capacity) {
        this.flush(sums, staged);
        staged = 0;
      }
    }
    if (staged) this.flush(sums, staged);
  }

  /** Adds buckets from … to − 1, in order, to the sums at 0. */
  addBuckets(from: number, to: number): void {
    const {kernel, width} = this;
    const groups = (to - from) >> 2;
    const first = this.bucket(from);
    if (groups) kernel.add4f64(0, first, groups, width * 8, width * 8);
    if ((to - from) & 3)
      kernel.add1f64(0, first + groups * 32 * width, (to - from) & 3, width * 8, width * 8);
  }

  private flush(sums: number, staged: number): void {
    const {kernel, dim, width} = this;
    const rows = width * 8;
    const groups = staged >> 2;
    if (groups) kernel.add4(sums, rows, groups, dim * 4, width * 4);
    if (staged & 3) kernel.add1(sums, rows + groups * 16 * dim, staged & 3, dim * 4, width * 4);
  }
}

/** Adds values [begin, dim) of each row's vector to sums[offset + begin …], row after row. */
function addRows(
  sums: Float64Array,
  offset: number,
  vectors: Float32Array,
  dim: number,
  begin: number,
  rows: Int32Array,
  from: number,
  to: number
): void {
  for (let i = from; i < to; ++i) {
    const source = rows[i]! * dim;
    for (let j = begin; j < dim; ++j) sums[offset + j]! += vectors[source + j]!;
  }
}
