import {
  blobValue,
  dateValue,
  decimalValue,
  intervalValue,
  timestampValue,
  type DuckDBValue
} from "@duckdb/node-api";
import {
  DataType,
  IntervalUnit,
  Precision,
  type Data,
  type Decimal,
  type Dictionary,
  type Interval,
  type Vector
} from "apache-arrow";
import {fixedSizeListPlan, listPlan, mapPlan, structPlan, unionPlan} from "./insert-nested.ts";
import {asIs, byBuffer, byRow, type ColumnPlan} from "./insert-plan.ts";
import {durationPlan, timePlan, timestampPlan} from "./insert-times.ts";

const DAY_MS = 86_400_000;

const asBigInt = (value: unknown): DuckDBValue => (value == null ? null : BigInt(value as number | bigint));
const asText = (value: unknown): DuckDBValue => (value == null ? null : String(value));
const asBlob = (value: unknown): DuckDBValue => (value == null ? null : blobValue(value as Uint8Array));
const asDate = (value: unknown): DuckDBValue =>
  value == null ? null : dateValue(Math.floor(millis(value) / DAY_MS));
const asTimestamp = (value: unknown): DuckDBValue =>
  value == null ? null : timestampValue(BigInt(Math.round(millis(value))) * 1000n);
const asHalf = (value: unknown): DuckDBValue => (value ?? null) as number | null;

function millis(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
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
  // A half float through `get` (its typed array holds its bits); duckdb-wasm refuses one.
  if (DataType.isFloat(type))
    return type.precision === Precision.HALF
      ? byRow("DOUBLE", asHalf)
      : byRow(type.precision === Precision.SINGLE ? "FLOAT" : "DOUBLE", asIs);
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return byRow("VARCHAR", asIs);
  if (DataType.isBinary(type) || DataType.isLargeBinary(type) || DataType.isFixedSizeBinary(type))
    return byRow("BLOB", asBlob);
  if (DataType.isDecimal(type)) return decimalPlan(type);
  if (DataType.isInterval(type)) return intervalPlan(type);
  if (DataType.isDictionary(type)) return dictionaryPlan(type);
  // A Date64 stays a TIMESTAMP: duckdb-wasm makes it a DATE, dropping its time of day.
  if (DataType.isDate(type)) return type.unit === 0 ? byRow("DATE", asDate) : byRow("TIMESTAMP", asTimestamp);
  if (DataType.isTimestamp(type)) return timestampPlan(type);
  if (DataType.isTime(type)) return timePlan(type);
  if (DataType.isDuration(type)) return durationPlan(type);
  // A column of nulls alone, an INTEGER as in the page.
  if (DataType.isNull(type)) return byRow("INTEGER", asIs);
  if (DataType.isList(type) || DataType.isLargeList(type)) return listPlan(type, columnPlan);
  if (DataType.isFixedSizeList(type)) return fixedSizeListPlan(type, columnPlan);
  if (DataType.isStruct(type)) return structPlan(type, columnPlan);
  if (DataType.isMap(type)) return mapPlan(type, columnPlan);
  if (DataType.isUnion(type)) return unionPlan(type, columnPlan);
  // Anything else (views of text and bytes…) as its text: kept readable, never dropped.
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
