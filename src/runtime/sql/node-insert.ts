import {
  DuckDBDataChunk,
  dateValue,
  listValue,
  timestampTZValue,
  timestampValue,
  type DuckDBConnection,
  type DuckDBValue
} from "@duckdb/node-api";
import {DataType, type Field, type Table, type Vector} from "apache-arrow";
import {SqlError} from "./database.ts";
import {quoteIdentifier} from "./quote.ts";

// DuckDB's vector size: the most rows one data chunk holds.
const CHUNK_ROWS = 2048;
const DAY_MS = 86_400_000;

/** An Arrow column's DuckDB type, and how one of its values (as Arrow's `get` gives it) becomes DuckDB's. */
interface ColumnPlan {
  readonly sql: string;
  readonly value: (value: unknown) => DuckDBValue;
}

const asIs = (value: unknown): DuckDBValue => (value ?? null) as DuckDBValue;
const asBigInt = (value: unknown): DuckDBValue => (value == null ? null : BigInt(value as number | bigint));
const asText = (value: unknown): DuckDBValue => (value == null ? null : String(value));
const asDate = (value: unknown): DuckDBValue =>
  value == null ? null : dateValue(Math.floor(millis(value) / DAY_MS));
const asTimestamp = (value: unknown): DuckDBValue =>
  value == null ? null : timestampValue(BigInt(Math.round(millis(value))) * 1000n);

const asTimestampTZ = (value: unknown): DuckDBValue =>
  value == null ? null : timestampTZValue(BigInt(Math.round(millis(value))) * 1000n);

function millis(value: unknown): number {
  return value instanceof Date ? value.getTime() : Number(value);
}

function plan(field: Field, type: DataType = field.type): ColumnPlan {
  if (DataType.isBool(type)) return {sql: "BOOLEAN", value: asIs};
  if (DataType.isInt(type)) {
    const signed = type.isSigned ? "" : "U";
    if (type.bitWidth === 64) return {sql: `${signed}BIGINT`, value: asBigInt};
    const name = {8: "TINYINT", 16: "SMALLINT", 32: "INTEGER"}[type.bitWidth];
    return {sql: `${signed}${name}`, value: asIs};
  }
  if (DataType.isFloat(type)) return {sql: type.precision === 1 ? "FLOAT" : "DOUBLE", value: asIs};
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return {sql: "VARCHAR", value: asIs};
  if (DataType.isDictionary(type)) return {sql: plan(field, type.dictionary).sql, value: asIs};
  if (DataType.isDate(type))
    return type.unit === 0 ? {sql: "DATE", value: asDate} : {sql: "TIMESTAMP", value: asTimestamp};
  // With a time zone, TIMESTAMPTZ, as duckdb-wasm makes it of the same Arrow column.
  if (DataType.isTimestamp(type))
    return type.timezone
      ? {sql: "TIMESTAMPTZ", value: asTimestampTZ}
      : {sql: "TIMESTAMP", value: asTimestamp};
  if (DataType.isList(type) || DataType.isFixedSizeList(type)) {
    const child = plan(type.children[0]!);
    const size = DataType.isFixedSizeList(type) ? `[${type.listSize}]` : "[]";
    const value = (list: unknown): DuckDBValue =>
      list == null ? null : listValue(Array.from(list as Iterable<unknown>, child.value));
    return {sql: `${child.sql}${size}`, value};
  }
  // Anything else (decimals, structs, maps, binary) as its text: kept readable, never dropped.
  return {sql: "VARCHAR", value: asText};
}

/**
 * Copies an Arrow table into a new DuckDB table `name` through node-api's appender, a data chunk (2,048 rows)
 * at a time, column by column: numeric columns without nulls are read from Arrow's typed arrays, so no row
 * ever becomes a JavaScript object. Throws a SqlError naming the table when DuckDB refuses a column.
 */
export async function insertArrowTable(
  connection: DuckDBConnection,
  name: string,
  table: Table
): Promise<void> {
  const fields = table.schema.fields;
  if (fields.length === 0) throw new SqlError(`table "${name}": an Arrow table with no columns`);
  const plans = fields.map((field) => plan(field));
  const columns = fields.map(
    (field) => `${quoteIdentifier(field.name)} ${plans[fields.indexOf(field)]!.sql}`
  );
  try {
    await connection.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${columns.join(", ")})`);
    const appender = await connection.createAppender(name);
    try {
      const types = fields.map((_, c) => appender.columnType(c));
      const vectors = fields.map((_, c) => table.getChildAt(c)!);
      for (let start = 0; start < table.numRows; start += CHUNK_ROWS) {
        const end = Math.min(table.numRows, start + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(types, end - start);
        vectors.forEach((vector, c) => chunk.setColumnValues(c, slice(vector, plans[c]!, start, end)));
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  } catch (error) {
    throw error instanceof SqlError
      ? error
      : new SqlError(`table "${name}": ${(error as Error).message}`, {cause: error});
  }
}

function slice(vector: Vector, {value}: ColumnPlan, start: number, end: number): DuckDBValue[] {
  // Plain numbers straight from the typed array; everything else through Arrow's get, one column at a time.
  if (value === asIs && vector.nullCount === 0 && ArrayBuffer.isView(vector.slice(0, 0).toArray()))
    return Array.from(vector.slice(start, end).toArray() as ArrayLike<number>);
  const values = new Array<DuckDBValue>(end - start);
  for (let i = start; i < end; ++i) values[i - start] = value(vector.get(i));
  return values;
}
