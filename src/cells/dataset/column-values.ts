import {Type, type DataType, type Vector} from "apache-arrow";
import {isNumeric, isTemporal, isText} from "./column-types.ts";

/** Phoenix's type guess: booleans and text are discrete (one bin per value), numbers and dates continuous. */
export type ColumnKind = "discrete" | "continuous";

export function columnKind(type: DataType): ColumnKind | undefined {
  if (isNumeric(type) || isTemporal(type)) return "continuous";
  if (isText(type) || type.typeId === Type.Bool) return "discrete";
  return undefined;
}

/** A column as numbers: dates as epoch ms, big integers as numbers, null and non-numbers as NaN. */
export function numericValues(column: Vector): Float64Array {
  const values = new Float64Array(column.length);
  // Text reads as NaN row for row: decoding each string first (Arrow's iterator) only to drop it cost
  // px.performance on string labels, and so px.clusterSummary per cluster, most of their time.
  if (isText(column.type)) return values.fill(NaN);
  if ((column.type.typeId === Type.Float || column.type.typeId === Type.Int) && copyNumbers(column, values)) {
    return values;
  }
  let i = 0;
  for (const value of column) values[i++] = toNumber(value);
  return values;
}

// Fast path over the chunks' typed arrays, nulls read from the validity bitmap: no value boxed per row. Arrow JS
// slices `values` eagerly, so row i of a chunk is values[i]; the bitmap is not sliced and counts from `offset`.
function copyNumbers(column: Vector, out: Float64Array): boolean {
  let row = 0;
  for (const data of column.data) {
    const values = data.values as unknown;
    // 64-bit integers and half floats (stored as Uint16) need Arrow's own conversion.
    if (!(values instanceof Float64Array || values instanceof Float32Array || isSmallInts(values)))
      return false;
    if (data.type.typeId === Type.Float && values instanceof Uint16Array) return false;
    const numbers = values as ArrayLike<number>;
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    for (let i = 0; i < data.length; ++i, ++row) {
      const bit = data.offset + i;
      out[row] = bitmap && !(bitmap[bit >> 3]! & (1 << (bit & 7))) ? NaN : numbers[i]!;
    }
  }
  return true;
}

function isSmallInts(values: unknown): boolean {
  return (
    values instanceof Int8Array ||
    values instanceof Int16Array ||
    values instanceof Int32Array ||
    values instanceof Uint8Array ||
    values instanceof Uint16Array ||
    values instanceof Uint32Array
  );
}

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  return NaN;
}

/**
 * Whether booleans key as numbers when a column of type `a` meets one of type `b`: a boolean column against a
 * number column reads true and false as 1 and 0, as numpy and pandas compare them (True == 1), so that a
 * boolean prediction matches a 0/1 actual label.
 */
export function booleansAsNumbers(a: DataType, b: DataType): boolean {
  return (a.typeId === Type.Bool && isNumeric(b)) || (b.typeId === Type.Bool && isNumeric(a));
}

/** Options of `discreteValues`. */
export interface DiscreteKeys {
  /** Key true and false as "1" and "0" (see booleansAsNumbers). Default: false, "true" and "false". */
  readonly booleansAsNumbers?: boolean;
}

/**
 * A column as text keys for discrete bins: booleans as "true"/"false" (or "1"/"0"); null, and a floating-point
 * NaN, as null (missing, as pandas reads NaN, so Phoenix: never a class or category named "NaN").
 */
export function discreteValues(column: Vector, keys: DiscreteKeys = {}): (string | null)[] {
  const values = new Array<string | null>(column.length);
  if (column.type.typeId === Type.Utf8) {
    let row = 0;
    const ascii = column.data.every((data) => {
      const copied = copyAsciiText(data, values, row);
      row += data.length;
      return copied;
    });
    if (ascii) return values;
  }
  const key =
    keys.booleansAsNumbers && column.type.typeId === Type.Bool
      ? (value: unknown) => (value ? "1" : "0")
      : (value: unknown) => String(value);
  let i = 0;
  for (const value of column)
    values[i++] = value === null || value === undefined || Number.isNaN(value) ? null : key(value);
  return values;
}

const latin1 = new TextDecoder("latin1");

// Fast path for plain-ASCII text: decode a chunk's bytes once and slice each row out of that one string
// (decoding row by row dominated feature drift on text columns). Other text takes the general path.
function copyAsciiText(data: Vector["data"][number], out: (string | null)[], base: number): boolean {
  const bytes = data.values as Uint8Array;
  const offsets = data.valueOffsets as Int32Array;
  const [start, end] = [offsets[0]!, offsets[data.length]!];
  for (let i = start; i < end; ++i) if (bytes[i]! > 0x7f) return false;
  const text = latin1.decode(bytes.subarray(start, end));
  const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
  for (let i = 0; i < data.length; ++i) {
    const bit = data.offset + i;
    const isNull = bitmap !== undefined && !(bitmap[bit >> 3]! & (1 << (bit & 7)));
    out[base + i] = isNull ? null : text.slice(offsets[i]! - start, offsets[i + 1]! - start);
  }
  return true;
}
