import {Type, makeData, type Data, type DataType} from "apache-arrow";
import {forEachRow, totalRows, Validity, type ColumnPart} from "./gather-rows.ts";

/** Whether a column of `type` is text or bytes with 32-bit offsets (Utf8, Binary). */
/** A chunk of Utf8 or Binary: 32-bit offsets into its bytes. */
type BytesData = Data & {readonly valueOffsets: Int32Array; readonly values: Uint8Array};

export function isVariableWidth(type: DataType): boolean {
  return type.typeId === Type.Utf8 || type.typeId === Type.Binary;
}

/**
 * Copies the rows' bytes as stored: text is not decoded and encoded again, as a builder would (the UTF-8
 * coding of every string is most of what a builder spends on a text column).
 */
export function gatherBytes(type: DataType, parts: readonly ColumnPart[]): Data {
  const length = totalRows(parts);
  const offsets = new Int32Array(length + 1);
  const validity = new Validity(length);
  // First the lengths, so that the bytes are allocated once; then the bytes.
  visitRows(parts, (out, data, index) => {
    const valid = data !== null && data.getValid(index);
    if (valid) validity.valid(out);
    else ++validity.nullCount;
    const size = valid ? data.valueOffsets[index + 1]! - data.valueOffsets[index]! : 0;
    offsets[out + 1] = offsets[out]! + size;
  });
  const bytes = new Uint8Array(offsets[length]!);
  visitRows(parts, (out, data, index) => {
    if (data === null) return;
    // (A sliced chunk's offsets are sliced with it, and point into its whole values buffer.)
    const start = data.valueOffsets[index]!;
    const end = data.valueOffsets[index + 1]!;
    const source = data.values;
    const target = offsets[out]!;
    if (end - start < 32) for (let i = start; i < end; ++i) bytes[target + i - start] = source[i]!;
    else bytes.set(source.subarray(start, end), target);
  });
  return makeData({type, length, ...validity.nulls, valueOffsets: offsets, data: bytes} as never) as Data;
}

function visitRows(
  parts: readonly ColumnPart[],
  visit: (out: number, data: BytesData | null, index: number) => void
): void {
  let out = 0;
  for (const {column, rows} of parts) {
    if (!column) for (let i = 0; i < rows.length; ++i) visit(out++, null, 0);
    else forEachRow(column, rows, (data, index) => visit(out++, data as BytesData, index));
  }
}
