import {Type, makeData, type Data, type DataType, type FixedSizeList} from "apache-arrow";
import {forEachRow, totalRows, Validity, type ColumnPart} from "./gather-rows.ts";

const FIXED_WIDTH = new Set([Type.Int, Type.Float, Type.Timestamp, Type.Date, Type.Time, Type.Duration]);

/** Whether a column of `type` is one element per row in a typed array, or a fixed-size list of such. */
export function isFixedWidth(type: DataType): boolean {
  const child = type.typeId === Type.FixedSizeList ? (type as FixedSizeList).children[0]!.type : type;
  return FIXED_WIDTH.has(child.typeId);
}

/** Whether a chunk's values can be copied as stored; a null inside a vector (child validity) cannot. */
export function copyableFixedWidth(data: Data): boolean {
  const child = data.type.typeId === Type.FixedSizeList ? data.children[0]! : data;
  if (child !== data && child.nullCount !== 0) return false;
  return FIXED_WIDTH.has(child.typeId) && child.stride === 1 && child.values instanceof child.type.ArrayType;
}

/**
 * Copies the rows' values as they are stored (so floats keep every bit, NaN payloads and −0 included) into
 * one typed array of the column's type; a fixed-size list's child values, `listSize` per row, likewise.
 */
export function gatherFixedWidth(type: DataType, parts: readonly ColumnPart[]): Data {
  const isList = type.typeId === Type.FixedSizeList;
  const size = isList ? (type as FixedSizeList).listSize : 1;
  const valueType = isList ? (type as FixedSizeList).children[0]!.type : type;
  const length = totalRows(parts);
  // Typed as Float64Array for the checker; it is the column's own ArrayType (BigInt64Array for 64-bit ints).
  const values = new (valueType.ArrayType as Float64ArrayConstructor)(length * size);
  const validity = new Validity(length);
  let out = 0;
  for (const {column, rows} of parts) {
    if (!column) {
      validity.nullCount += rows.length;
      out += rows.length;
      continue;
    }
    forEachRow(column, rows, (data, index) => {
      if (data.getValid(index)) {
        validity.valid(out);
        // (Arrow JS slices `values`, and a fixed-size list's child, along with their Data: index from 0.)
        const source = (isList ? data.children[0]!.values : data.values) as Float64Array;
        if (size === 1) values[out] = source[index]!;
        else values.set(source.subarray(index * size, (index + 1) * size), out * size);
      } else {
        ++validity.nullCount;
      }
      ++out;
    });
  }
  if (!isList) return makeData({type, length, ...validity.nulls, data: values} as never) as Data;
  const child = makeData({type: valueType, length: length * size, data: values} as never) as Data;
  return makeData({type, length, ...validity.nulls, child} as never) as Data;
}
