import {
  blobValue,
  dateValue,
  decimalValue,
  intervalValue,
  timestampTZValue,
  timestampValue,
  type DuckDBValue
} from "@duckdb/node-api";
import {
  DataType,
  IntervalUnit,
  makeVector,
  type Data,
  type Decimal,
  type Dictionary,
  type Interval,
  type Vector
} from "apache-arrow";
import {fixedSizeListPlan, listPlan, mapPlan, structPlan, unionPlan} from "./insert-nested.ts";

const DAY_MS = 86_400_000;

/**
 * How an Arrow column becomes a DuckDB column, by the types duckdb-wasm's Arrow insert gives the same column in the
 * page: its DuckDB type, and DuckDB's values of every row of one of its chunks (a Data). A type that apache-arrow's
 * `get` reads whole also has `value`, which makes one such value DuckDB's.
 */
export interface ColumnPlan {
  readonly sql: string;
  readonly values: (data: Data) => DuckDBValue[];
  readonly value?: (value: unknown) => DuckDBValue;
}

export const asIs = (value: unknown): DuckDBValue => (value ?? null) as DuckDBValue;
const asBigInt = (value: unknown): DuckDBValue => (value == null ? null : BigInt(value as number | bigint));
const asText = (value: unknown): DuckDBValue => (value == null ? null : String(value));
const asBlob = (value: unknown): DuckDBValue => (value == null ? null : blobValue(value as Uint8Array));
const asDate = (value: unknown): DuckDBValue =>
  value == null ? null : dateValue(Math.floor(millis(value) / DAY_MS));
const asTimestamp = (value: unknown): DuckDBValue =>
  value == null ? null : timestampValue(BigInt(Math.round(millis(value))) * 1000n);
const asTimestampTZ = (value: unknown): DuckDBValue =>
  value == null ? null : timestampTZValue(BigInt(Math.round(millis(value))) * 1000n);

function millis(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
}

/** A plan for a type `get` reads whole: each row read by `get`, then made DuckDB's by `value`. */
function byRow(sql: string, value: (value: unknown) => DuckDBValue): ColumnPlan {
  return {
    sql,
    value,
    values(data) {
      const vector = makeVector(data);
      const values = new Array<DuckDBValue>(data.length);
      for (let row = 0; row < data.length; ++row) values[row] = value(vector.get(row));
      return values;
    }
  };
}

/** A plan whose values are read from the Data's own buffers, `value(row)` for each valid row. */
function byBuffer(sql: string, value: (data: Data, row: number) => DuckDBValue): ColumnPlan {
  return {
    sql,
    values(data) {
      const values = new Array<DuckDBValue>(data.length);
      for (let row = 0; row < data.length; ++row) values[row] = data.getValid(row) ? value(data, row) : null;
      return values;
    }
  };
}

/** The plan of an Arrow type, at any depth; throws naming what DuckDB cannot hold. */
export function columnPlan(type: DataType): ColumnPlan {
  if (DataType.isBool(type)) return byRow("BOOLEAN", asIs);
  if (DataType.isInt(type)) {
    const signed = type.isSigned ? "" : "U";
    if (type.bitWidth === 64) return byRow(`${signed}BIGINT`, asBigInt);
    const name = {8: "TINYINT", 16: "SMALLINT", 32: "INTEGER"}[type.bitWidth];
    return byRow(`${signed}${name}`, asIs);
  }
  if (DataType.isFloat(type)) return byRow(type.precision === 1 ? "FLOAT" : "DOUBLE", asIs);
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return byRow("VARCHAR", asIs);
  if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type))
    return byRow("BLOB", asBlob);
  if (DataType.isDecimal(type)) return decimalPlan(type);
  if (DataType.isInterval(type)) return intervalPlan(type);
  if (DataType.isDictionary(type)) return dictionaryPlan(type);
  if (DataType.isDate(type)) return type.unit === 0 ? byRow("DATE", asDate) : byRow("TIMESTAMP", asTimestamp);
  // With a time zone, TIMESTAMPTZ, as duckdb-wasm makes it of the same Arrow column.
  if (DataType.isTimestamp(type))
    return type.timezone ? byRow("TIMESTAMPTZ", asTimestampTZ) : byRow("TIMESTAMP", asTimestamp);
  if (DataType.isList(type) || DataType.isLargeList(type)) return listPlan(type, columnPlan);
  if (DataType.isFixedSizeList(type)) return fixedSizeListPlan(type, columnPlan);
  if (DataType.isStruct(type)) return structPlan(type, columnPlan);
  if (DataType.isMap(type)) return mapPlan(type, columnPlan);
  if (DataType.isUnion(type)) return unionPlan(type, columnPlan);
  // Anything else (times, durations…) as its text: kept readable, never dropped.
  return byRow("VARCHAR", asText);
}

// DuckDB's DECIMAL holds 38 digits, and no negative scale: a wider one (a 256-bit decimal) is its exact text.
function decimalPlan(type: Decimal): ColumnPlan {
  const {precision, scale} = type;
  const read = (data: Data, row: number) => {
    const words = (data.values as Uint32Array).subarray(row * data.stride, (row + 1) * data.stride);
    let value = 0n;
    for (let w = words.length - 1; w >= 0; --w) value = (value << 32n) | BigInt(words[w]!);
    return BigInt.asIntN(32 * words.length, value);
  };
  if (precision <= 38 && scale >= 0 && scale <= precision)
    return byBuffer(`DECIMAL(${precision},${scale})`, (data, row) =>
      decimalValue(read(data, row), precision, scale)
    );
  return byBuffer("VARCHAR", (data, row) => decimalText(read(data, row), scale));
}

/** `unscaled` × 10^-scale written out in full, as DuckDB writes a DECIMAL (`-0.05`). */
function decimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return String(unscaled * 10n ** BigInt(-scale));
  const digits = String(unscaled < 0n ? -unscaled : unscaled).padStart(scale + 1, "0");
  const sign = unscaled < 0n ? "-" : "";
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

// Arrow's intervals are Int32 words: total months; days and milliseconds; or months, days and a 64-bit count of
// nanoseconds, which DuckDB (microseconds) truncates towards zero, as its Arrow import does.
function intervalPlan(type: Interval): ColumnPlan {
  const words = (data: Data) => data.values as Int32Array;
  if (type.unit === IntervalUnit.YEAR_MONTH)
    return byBuffer("INTERVAL", (data, row) => intervalValue(words(data)[row]!, 0, 0n));
  if (type.unit === IntervalUnit.DAY_TIME)
    return byBuffer("INTERVAL", (data, row) => {
      const [days, ms] = words(data).subarray(2 * row, 2 * row + 2);
      return intervalValue(0, days!, BigInt(ms!) * 1000n);
    });
  return byBuffer("INTERVAL", (data, row) => {
    const [months, days, low, high] = words(data).subarray(4 * row, 4 * row + 4);
    const nanos = (BigInt(high!) << 32n) | BigInt(low! >>> 0);
    return intervalValue(months!, days!, nanos / 1000n);
  });
}

// A dictionary's values are made DuckDB's once per dictionary, then picked by each row's key.
function dictionaryPlan(type: Dictionary): ColumnPlan {
  const inner = columnPlan(type.dictionary);
  if (inner.value) return byRow(inner.sql, inner.value);
  const made = new WeakMap<Vector, DuckDBValue[]>();
  return byBuffer(inner.sql, (data, row) => {
    const dictionary = data.dictionary!;
    let values = made.get(dictionary);
    if (!values) made.set(dictionary, (values = dictionary.data.flatMap((chunk) => inner.values(chunk))));
    return values[Number(data.values[row])]!;
  });
}
