import {Type, type Vector} from "apache-arrow";
import {
  booleansAsNumbers,
  discreteValues,
  numericValues,
  type DiscreteKeys
} from "../dataset/column-values.ts";
import {binValues, type ContinuousBinning} from "./binning.ts";
import {everyNull} from "./null-bits.ts";
import {TextKeys} from "./text-keys.ts";

/**
 * A column of each dataset as codes, one per table row, each code standing for a bin: continuous columns
 * binned, discrete ones dictionary-encoded once, so that every window is then counted over small integers.
 */
export interface FeatureCodes {
  /** A label per bin, the null bin last. */
  readonly labels: readonly string[];
  /** Codes per row of the primary's table, and of the reference's, in [0, numCodes). */
  readonly primary: Int32Array;
  readonly reference: Int32Array;
  readonly numCodes: number;
  /** The bin of each code; null when the codes are the bins. */
  readonly bins: Int32Array | null;
}

/** A continuous column's bins, into `codes` (one per row), read from the Arrow chunks where they are plain. */
export function continuousCodes(binning: ContinuousBinning, column: Vector, codes: Int32Array): Int32Array {
  if (!column.data.every((data) => plainNumbers(data.type.typeId, data.values))) {
    binValues(binning, numericValues(column), codes, 0, column.length, 0);
    return codes;
  }
  let row = 0;
  for (const data of column.data) {
    binValues(binning, data.values as ArrayLike<number>, codes, 0, data.length, row);
    // Arrow JS slices `values` per chunk, not the bitmap: it counts from data.offset.
    if (data.nullCount > 0) markNulls(data.nullBitmap, data.offset, data.length, codes, row, binning.nullBin);
    row += data.length;
  }
  return codes;
}

/**
 * A continuous column's bins of table rows row … row + n − 1, into out[0 … n), read from the Arrow chunks
 * (always going on, for TimeSpans.countFilled);
 * null when a chunk's numbers are not plain (then continuousCodes reads them through numericValues).
 */
export function continuousRows(
  binning: ContinuousBinning,
  column: Vector
): ((row: number, n: number, out: Int32Array) => true) | null {
  if (!column.data.every((data) => plainNumbers(data.type.typeId, data.values))) return null;
  const chunks = column.data;
  const ends = Int32Array.from(chunks, (data) => data.length);
  for (let k = 1; k < ends.length; ++k) ends[k]! += ends[k - 1]!;
  return (row, n, out) => {
    let k = 0;
    while (ends[k]! <= row) ++k;
    for (let at = 0; at < n; ++k) {
      const data = chunks[k]!;
      const from = row + at - (ends[k]! - data.length); // in the chunk
      const count = Math.min(n - at, data.length - from);
      binValues(binning, data.values as ArrayLike<number>, out, from, from + count, at);
      if (data.nullCount > 0) markNulls(data.nullBitmap, data.offset + from, count, out, at, binning.nullBin);
      at += count;
    }
    return true;
  };
}

/**
 * The column's numbers at the given rows (all rows when omitted), into `out` from 0, as numericValues gives
 * them (NaN for nulls); the count written.
 */
export function numbersInto(column: Vector, out: Float64Array, rows?: Int32Array): number {
  if (rows || !column.data.every((data) => plainNumbers(data.type.typeId, data.values))) {
    const values = numericValues(column);
    if (!rows) out.set(values);
    else for (let i = 0; i < rows.length; ++i) out[i] = values[rows[i]!]!;
    return rows ? rows.length : values.length;
  }
  let row = 0;
  for (const data of column.data) {
    const values = data.values as ArrayLike<number>;
    for (let i = 0; i < data.length; ++i) out[row + i] = values[i]!;
    if (data.nullCount > 0) markNulls(data.nullBitmap, data.offset, data.length, out, row, NaN);
    row += data.length;
  }
  return row;
}

/** Sets codes[at + i] to `code` where bit offset + i of the validity bitmap is 0 (a null). */
function markNulls(
  bitmap: Uint8Array,
  offset: number,
  length: number,
  codes: Int32Array | Float64Array,
  at: number,
  code: number
): void {
  everyNull(bitmap, offset, length, (i) => {
    codes[at + i] = code;
    return true;
  });
}

// As numericValues reads them without Arrow's conversions: floats (not half floats) and integers up to 32 bits.
function plainNumbers(typeId: Type, values: unknown): boolean {
  if (typeId === Type.Float) return values instanceof Float64Array || values instanceof Float32Array;
  return (
    typeId === Type.Int &&
    (values instanceof Int8Array ||
      values instanceof Int16Array ||
      values instanceof Int32Array ||
      values instanceof Uint8Array ||
      values instanceof Uint16Array ||
      values instanceof Uint32Array)
  );
}

/**
 * Discrete columns dictionary-encoded over both datasets: a bin per distinct value in order of first
 * appearance (the primary's rows, then the reference's, in row order; of a window, its rows only), nulls in
 * the last bin. Codes are 0 for null and 1, 2, … per distinct value over all rows; `bins` maps them.
 *
 * @param members - Per dataset, its rows when it is a window (ascending); undefined for all rows.
 */
export function discreteCodes(
  primary: Vector,
  reference: Vector,
  members: readonly [Int32Array | undefined, Int32Array | undefined],
  codes: readonly [Int32Array, Int32Array]
): FeatureCodes {
  const columns = [primary, reference];
  const values =
    isPlainText(primary) && isPlainText(reference)
      ? encodeText(columns, codes)
      : encodeValues(columns, codes, {booleansAsNumbers: booleansAsNumbers(primary.type, reference.type)});
  // The codes in order of first appearance among the members (without windows, the order they were given).
  let order: number[];
  if (members[0] === undefined && members[1] === undefined) {
    order = Array.from({length: values.length}, (_, i) => i + 1);
  } else {
    order = [];
    const seen = new Uint8Array(values.length + 1);
    codes.forEach((rowCodes, d) => {
      const rows = members[d];
      const n = rows ? rows.length : rowCodes.length;
      for (let i = 0; i < n; ++i) {
        const code = rowCodes[rows ? rows[i]! : i]!;
        if (code === 0 || seen[code]) continue;
        seen[code] = 1;
        order.push(code);
      }
    });
  }
  return {...dictionaryBins(values, order), primary: codes[0], reference: codes[1]};
}

/**
 * The bins of dictionary codes (1 + index in `values`; 0 for null): a bin per distinct value in `order` (the
 * codes that are counted), nulls in the last.
 */
export function dictionaryBins(
  values: readonly string[],
  order: readonly number[]
): Pick<FeatureCodes, "labels" | "numCodes" | "bins"> {
  // Distinct bytes that decode to the same text (invalid UTF-8) share a bin, as the text would.
  const index = new Map<string, number>();
  const binOf = order.map((code) => {
    const value = values[code - 1]!;
    if (!index.has(value)) index.set(value, index.size);
    return index.get(value)!;
  });
  const nullBin = index.size;
  const bins = new Int32Array(values.length + 1).fill(nullBin); // values only outside the members are never counted
  order.forEach((code, i) => (bins[code] = binOf[i]!));
  return {labels: [...index.keys(), "null"], numCodes: values.length + 1, bins};
}

export function isPlainText(column: Vector): boolean {
  return (
    column.type.typeId === Type.Utf8 && column.data.every((data) => data.valueOffsets instanceof Int32Array)
  );
}

export const utf8 = new TextDecoder("utf-8"); // as Arrow JS decodes Utf8

// Codes into codes[d] for column d; the distinct values, by code − 1.
function encodeText(columns: Vector[], codes: readonly Int32Array[]): string[] {
  const keys = new TextKeys();
  columns.forEach((column, d) => {
    let row = 0;
    for (const data of column.data) {
      const bitmap = data.nullCount > 0 ? data.nullBitmap : null;
      keys.encode(
        data.values,
        data.valueOffsets as Int32Array,
        0,
        data.length,
        bitmap,
        data.offset,
        codes[d]!,
        row
      );
      row += data.length;
    }
  });
  return keys.values().map((bytes) => utf8.decode(bytes));
}

function encodeValues(columns: Vector[], codes: readonly Int32Array[], keys: DiscreteKeys): string[] {
  const index = new Map<string, number>();
  columns.forEach((column, d) => {
    const out = codes[d]!;
    discreteValues(column, keys).forEach((value, row) => {
      let code = value === null ? 0 : index.get(value);
      if (code === undefined) index.set(value!, (code = index.size + 1));
      out[row] = code;
    });
  });
  return [...index.keys()];
}
