import {Type, type Data, type Vector} from "apache-arrow";
import type {EmbeddingVectors} from "./dataset.ts";
import type {DatasetProblem} from "./errors.ts";
import {MAX_PROBLEM_ROWS} from "./rows-where.ts";

type NumericArray =
  Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

/** One chunk's rows as (offset, length) into its child values; the views the extraction loops over. */
interface ListChunk {
  readonly numRows: number;
  readonly values: NumericArray;
  /** Whether the value at an index of `values` is null (a vector with a hole). */
  readonly holeAt: ((index: number) => boolean) | null;
  /** Where row i's values start in `values`, and how many there are; length -1 for a null vector. */
  start(i: number): number;
  length(i: number): number;
}

/**
 * Copies an embedding column (list or fixed-size list of numbers) into one contiguous row-major Float32Array,
 * checking what Phoenix checks and more: numeric, one length per feature, at least 2, finite. Null vectors
 * are allowed and skipped. A single chunk of fixed-size Float32 lists without nulls is used in place.
 */
export function embeddingVectors(
  name: string,
  column: Vector,
  columnName: string
): {embedding?: EmbeddingVectors; problems: DatasetProblem[]} {
  const problem = (message: string, rows?: number[]) => ({
    problems: [{column: columnName, message, ...(rows ? {rows} : {})}]
  });
  const typeId = column.type.typeId;
  if (typeId !== Type.List && typeId !== Type.FixedSizeList && typeId !== Type.LargeList) {
    return problem(`embedding vectors must be lists of numbers, not ${column.type}`);
  }
  const childType = (column.type as {children: {type: {typeId: Type}}[]}).children[0]!.type;
  if (childType.typeId !== Type.Float && childType.typeId !== Type.Int) {
    return problem(`embedding vectors must hold numbers, not ${childType}`);
  }
  // 64-bit integers (bigints) and half floats (stored as raw bits) cannot be copied as numbers.
  const {bitWidth, precision} = childType as unknown as {bitWidth?: number; precision?: number};
  if (bitWidth === 64 || (childType.typeId === Type.Float && precision === 0)) {
    return problem(`embedding vectors must hold 8- to 32-bit integers or 32/64-bit floats, not ${childType}`);
  }
  const chunks = column.data.map(listChunk);
  const numRows = column.length;

  // One pass for lengths: the first length seen is the feature's dimension.
  let dim = -1;
  let dimRow = -1;
  const mismatches: string[] = [];
  const short: number[] = [];
  const present: number[] = [];
  let row = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.numRows; ++i, ++row) {
      const length = chunk.length(i);
      if (length < 0) continue;
      present.push(row);
      if (length < 2 && short.length < MAX_PROBLEM_ROWS) short.push(row);
      if (dim < 0) {
        dim = length;
        dimRow = row;
      } else if (length !== dim && mismatches.length < MAX_PROBLEM_ROWS) {
        mismatches.push(`${length} (row ${row})`);
      }
    }
  }
  const problems: DatasetProblem[] = [];
  if (short.length) problems.push({column: columnName, rows: short, message: "vectors shorter than 2"});
  if (mismatches.length) {
    problems.push({
      column: columnName,
      message: `vectors of different lengths: ${dim} (row ${dimRow}), ${mismatches.join(", ")}`
    });
  }
  if (problems.length) return {problems};
  dim = Math.max(dim, 0);

  const inPlace = inPlaceVectors(chunks, numRows, dim);
  const vectors = inPlace ?? new Float32Array(numRows * dim);
  const nonFinite: number[] = [];
  row = 0;
  for (const chunk of chunks) {
    const values = chunk.values;
    for (let i = 0; i < chunk.numRows; ++i, ++row) {
      const length = chunk.length(i);
      if (length < 0) continue;
      const start = chunk.start(i);
      const target = row * dim;
      let finite = true;
      for (let j = 0; j < dim; ++j) {
        const value = values[start + j]!;
        if (!inPlace) vectors[target + j] = value;
        if (value - value !== 0 || chunk.holeAt?.(start + j)) finite = false; // NaN, ±Infinity or null
      }
      if (!finite && nonFinite.length < MAX_PROBLEM_ROWS) nonFinite.push(row);
    }
  }
  if (nonFinite.length)
    return {
      problems: [{column: columnName, rows: nonFinite, message: "vectors holding NaN, ±Infinity or null"}]
    };
  return {embedding: {name, dim, vectors, rows: Int32Array.from(present)}, problems: []};
}

// Arrow JS slices eagerly: a sliced chunk's `values` and `valueOffsets` already start at its first row, and a
// fixed-size list's child is sliced with it, so positions here never add `data.offset` or `child.offset`.
function listChunk(data: Data): ListChunk {
  const child = data.children[0]!;
  const values = child.values as NumericArray;
  const holeAt = child.nullCount > 0 ? (index: number) => !child.getValid(index) : null;
  const isValid = (i: number) => data.nullCount === 0 || data.getValid(i);
  if (data.type.typeId === Type.FixedSizeList) {
    const size = (data.type as unknown as {listSize: number}).listSize;
    return {
      numRows: data.length,
      values,
      holeAt,
      start: (i) => i * size,
      length: (i) => (isValid(i) ? size : -1)
    };
  }
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  const at = (i: number) => Number(offsets[i]);
  return {
    numRows: data.length,
    values,
    holeAt,
    start: (i) => at(i),
    length: (i) => (isValid(i) ? at(i + 1) - at(i) : -1)
  };
}

// Zero copy: the Parquet reader's fast path produces exactly this layout.
function inPlaceVectors(chunks: ListChunk[], numRows: number, dim: number): Float32Array | undefined {
  if (chunks.length !== 1) return undefined;
  const chunk = chunks[0]!;
  if (!(chunk.values instanceof Float32Array) || numRows === 0) return undefined;
  for (let i = 0; i < numRows; ++i)
    if (chunk.length(i) !== dim || chunk.start(i) !== chunk.start(0) + i * dim) return undefined;
  const start = chunk.start(0);
  return chunk.values.subarray(start, start + numRows * dim);
}
