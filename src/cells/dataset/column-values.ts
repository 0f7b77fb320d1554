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
  // Fast path: one chunk of a plain float or int column without nulls is a typed array already.
  if (
    column.data.length === 1 &&
    column.nullCount === 0 &&
    (column.type.typeId === Type.Float || column.type.typeId === Type.Int)
  ) {
    const data = column.data[0]!.values as ArrayLike<number | bigint>;
    const offset = column.data[0]!.offset;
    if (!(data instanceof BigInt64Array || data instanceof BigUint64Array)) {
      for (let i = 0; i < values.length; ++i) values[i] = data[offset + i] as number;
      return values;
    }
  }
  let i = 0;
  for (const value of column) values[i++] = toNumber(value);
  return values;
}

function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  return NaN;
}

/** A column as text keys for discrete bins: booleans as "true"/"false", null as null. */
export function discreteValues(column: Vector): (string | null)[] {
  const values = new Array<string | null>(column.length);
  let i = 0;
  for (const value of column) values[i++] = value === null || value === undefined ? null : String(value);
  return values;
}
