import {rowSumsKernel} from "./row-sums-kernel.ts";

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
  // The kernel adds four values per step; the rest of each row (dim mod 4) is added by the plain loop.
  const width = dim - (dim % 4);
  const capacity = Math.max(4, Math.floor(STAGE_BYTES / (dim * 4)));
  const sumBytes = width * 8;
  const memory = simd && width > 0 ? wasmMemory(sumBytes + capacity * dim * 4) : null;
  const kernel = memory && rowSumsKernel(memory);
  if (!memory || !kernel) {
    return {add: (sums, offset, rows, from, to) => addRows(sums, offset, vectors, dim, 0, rows, from, to)};
  }
  const wasmSums = new Float64Array(memory.buffer, 0, width);
  const stage = new Float32Array(memory.buffer, sumBytes, capacity * dim);
  const flush = (staged: number) => {
    const groups = staged >> 2;
    if (groups) kernel.add4(0, sumBytes, groups, dim * 4, width * 4);
    if (staged & 3) kernel.add1(0, sumBytes + groups * 16 * dim, staged & 3, dim * 4, width * 4);
  };
  return {
    add(sums, offset, rows, from, to) {
      wasmSums.set(sums.subarray(offset, offset + width));
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
          flush(staged);
          staged = 0;
        }
      }
      if (staged) flush(staged);
      sums.set(wasmSums, offset);
      if (width < dim) addRows(sums, offset, vectors, dim, width, rows, from, to);
    }
  };
}

/**
 * The sums of ranges of consecutive rows of `rows` (row-major Float64, `width` per row): for range r, rows
 * ranges[2r] … ranges[2r + 1] − 1 added in order, into row r of the result.
 */
export function rangeSums(rows: Float64Array, width: number, ranges: Int32Array, simd = true): Float64Array {
  const numRanges = ranges.length / 2;
  const out = new Float64Array(numRanges * width);
  const step = width - (width % 4);
  const sumBytes = step * 8;
  const memory = simd && step > 0 ? wasmMemory(sumBytes + rows.length * 8) : null;
  const kernel = memory && rowSumsKernel(memory);
  if (!memory || !kernel) {
    for (let r = 0; r < numRanges; ++r)
      addRanges(out, r * width, rows, width, 0, ranges[2 * r]!, ranges[2 * r + 1]!);
    return out;
  }
  const wasmSums = new Float64Array(memory.buffer, 0, step);
  new Float64Array(memory.buffer, sumBytes, rows.length).set(rows);
  for (let r = 0; r < numRanges; ++r) {
    const [from, to] = [ranges[2 * r]!, ranges[2 * r + 1]!];
    wasmSums.fill(0);
    const groups = (to - from) >> 2;
    const first = sumBytes + from * width * 8;
    if (groups) kernel.add4f64(0, first, groups, width * 8, step * 8);
    if ((to - from) & 3) kernel.add1f64(0, first + groups * 32 * width, (to - from) & 3, width * 8, step * 8);
    out.set(wasmSums, r * width);
    if (step < width) addRanges(out, r * width, rows, width, step, from, to);
  }
  return out;
}

function wasmMemory(bytes: number): WebAssembly.Memory | null {
  if (typeof WebAssembly !== "object" || bytes > 2 ** 31) return null;
  return new WebAssembly.Memory({initial: Math.ceil(bytes / PAGE)});
}

/** Adds values [begin, dim) of each row's vector to sums, row after row. */
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

/** Adds values [begin, width) of rows from … to − 1 to sums, row after row. */
function addRanges(
  sums: Float64Array,
  offset: number,
  rows: Float64Array,
  width: number,
  begin: number,
  from: number,
  to: number
): void {
  for (let b = from; b < to; ++b)
    for (let j = begin; j < width; ++j) sums[offset + j]! += rows[b * width + j]!;
}
