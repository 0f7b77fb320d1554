import {
  DuckDBDateValue,
  DuckDBStructValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBResult,
  type DuckDBStructType,
  type DuckDBType,
  type DuckDBUnionType,
  type DuckDBValue,
  type DuckDBValueConverter,
  type JS
} from "@duckdb/node-api";
import {
  Binary,
  Bool,
  DateDay,
  DateMillisecond,
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Int16,
  Int32,
  Int8,
  IntervalMonthDayNano,
  List,
  Map_,
  SparseUnion,
  Struct,
  Table,
  TimeMicrosecond,
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  type Vector
} from "apache-arrow";
import {SqlError} from "./database.ts";
import {dateDays, timestampMillis} from "./date-range.ts";
import {columnBuilder, type ColumnKind} from "./node-columns.ts";

const same = (value: JS): unknown => value;
const number = (value: JS): unknown => (value === null ? null : Number(value));
const text = (value: JS): unknown =>
  value === null ? null : typeof value === "object" ? JSON.stringify(value, jsonBigInt) : String(value);

// node-api's TIMETZ is `{micros, offset}`.
const timeOfTimeTZ = (value: JS): unknown => (value === null ? null : (value as {micros: bigint}).micros);

function jsonBigInt(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

/** A DuckDB type's Arrow type (duckdb-wasm's, see ColumnKind) and value, by the same rules at any depth. */
function columnKind(type: DuckDBType): ColumnKind {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return {type: new Bool(), value: same};
    case DuckDBTypeId.TINYINT:
      return {type: new Int8(), value: same};
    case DuckDBTypeId.SMALLINT:
      return {type: new Int16(), value: same};
    case DuckDBTypeId.INTEGER:
      return {type: new Int32(), value: same};
    case DuckDBTypeId.UTINYINT:
      return {type: new Uint8(), value: same};
    case DuckDBTypeId.USMALLINT:
      return {type: new Uint16(), value: same};
    case DuckDBTypeId.UINTEGER:
      return {type: new Uint32(), value: same};
    // 64-bit and wider integers and decimals are doubles: exact up to 2^53, and plain numbers in JavaScript.
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.DECIMAL:
    case DuckDBTypeId.DOUBLE:
      return {type: new Float64(), value: number};
    case DuckDBTypeId.FLOAT:
      return {type: new Float32(), value: same};
    case DuckDBTypeId.VARCHAR:
      return {type: new Utf8(), value: same};
    case DuckDBTypeId.DATE:
      return {type: new DateDay(), value: same};
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return {type: new DateMillisecond(), value: same};
    // As duckdb-wasm: microseconds since midnight (a bigint from apache-arrow), and bytes (Uint8Array).
    case DuckDBTypeId.TIME:
      return {type: new TimeMicrosecond(), value: same};
    // DuckDB's Arrow export, and so duckdb-wasm, keeps a TIMETZ's time as written and drops its offset.
    case DuckDBTypeId.TIME_TZ:
      return {type: new TimeMicrosecond(), value: timeOfTimeTZ};
    // BIT too, as DuckDB's Arrow export gives it: its own bytes (the padding's length, then the bits).
    case DuckDBTypeId.BLOB:
    case DuckDBTypeId.BIT:
      return {type: new Binary(), value: same};
    case DuckDBTypeId.INTERVAL:
      return {type: new IntervalMonthDayNano(), value: monthDayNano};
    case DuckDBTypeId.LIST: {
      const child = columnKind(type.valueType);
      return {type: new List(new Field("l", child.type, true)), value: listOf(child)};
    }
    case DuckDBTypeId.ARRAY: {
      const child = columnKind(type.valueType);
      return {type: new FixedSizeList(type.length, new Field("l", child.type, true)), value: listOf(child)};
    }
    case DuckDBTypeId.STRUCT:
      return structKind(type);
    case DuckDBTypeId.MAP:
      return mapKind(columnKind(type.keyType), columnKind(type.valueType));
    case DuckDBTypeId.UNION:
      return unionKind(type);
    default:
      // Everything else (UUIDs, ENUMs, VARINTs, JSON…) as text: readable, never lost silently.
      return {type: new Utf8(), value: text};
  }
}

function listOf(child: ColumnKind): (value: JS) => unknown {
  return (value) => (Array.isArray(value) ? value.map(child.value) : null);
}

// A struct's value is its fields' values in order (see toJS), so two fields of one name would be one.
function structKind(type: DuckDBStructType): ColumnKind {
  if (new Set(type.entryNames).size < type.entryNames.length)
    throw new Error(
      `a ${type} has fields of one name, which Node reads as one: name its fields ({'a': …, 'b': …}, or ROW(…)::STRUCT(a …, b …))`
    );
  const fields = type.entryTypes.map(columnKind);
  return {
    type: new Struct(fields.map((field, f) => new Field(type.entryNames[f]!, field.type, true))),
    value: (value) => (value === null ? null : (value as JS[]).map((entry, f) => fields[f]!.value(entry)))
  };
}

// As duckdb-wasm names and marks them: entries, and their keys, are never null.
function mapKind(key: ColumnKind, item: ColumnKind): ColumnKind {
  const entries = new Struct([new Field("key", key.type, false), new Field("value", item.type, true)]);
  return {
    type: new Map_(new Field("entries", entries, false)),
    value: (value) =>
      value === null
        ? null
        : (value as {key: JS; value: JS}[]).map((entry) => [key.value(entry.key), item.value(entry.value)])
  };
}

// A union's value is its member's index and value; duckdb-wasm's union is sparse, its type ids the indexes.
function unionKind(type: DuckDBUnionType): ColumnKind {
  const members = type.memberTypes.map(columnKind);
  const ids = members.map((_, m) => m);
  return {
    type: new SparseUnion(
      ids,
      members.map((member, m) => new Field(type.memberTags[m]!, member.type, true))
    ),
    value: (value) => {
      if (value === null) return null;
      const {tag, value: member} = value as {tag: string; value: JS};
      const m = type.memberIndexForTag(tag);
      return [m, members[m]!.value(member)];
    }
  };
}

/**
 * node-api's INTERVAL `{months, days, micros}` as apache-arrow reads DuckDB's month-day-nanosecond interval:
 * months, days, then the nanoseconds' low and high 32-bit words. The nanoseconds wrap at 64 bits, as DuckDB's.
 */
function monthDayNano(value: JS): unknown {
  if (value === null) return null;
  const {months, days, micros} = value as unknown as {months: number; days: number; micros: bigint};
  const nanos = BigInt.asIntN(64, micros * 1000n);
  return Int32Array.of(months, days, Number(BigInt.asIntN(32, nanos)), Number(nanos >> 32n));
}

/**
 * node-api's JavaScript values, but dates and timestamps as epoch milliseconds by date-range.ts's rule (node-api
 * threw on DuckDB's ±infinity, and gave a TIMESTAMP_NS's as 2262-04-11), and a struct as the array of its fields'
 * values in order. Nested values come here too.
 */
const toJS: DuckDBValueConverter<JS> = (value, type, converter) => {
  if (value === null) return null;
  if (value instanceof DuckDBStructValue && type.typeId === DuckDBTypeId.STRUCT)
    return type.entryNames.map((name, f) =>
      converter(value.entries[name] ?? null, type.entryTypes[f]!, converter)
    );
  return millisOf(value) ?? JSDuckDBValueConverter(value, type, converter);
};

function millisOf(value: DuckDBValue): number | undefined {
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue)
    return timestampMillis(value.micros, "us");
  if (value instanceof DuckDBTimestampMillisecondsValue) return timestampMillis(value.millis, "ms");
  if (value instanceof DuckDBTimestampSecondsValue) return timestampMillis(value.seconds, "s");
  if (value instanceof DuckDBTimestampNanosecondsValue) return timestampMillis(value.nanos, "ns");
  if (value instanceof DuckDBDateValue) return dateDays(value.days) * 86_400_000;
  return undefined;
}

/** Reads a whole result into an Arrow Table, column by column, chunk by chunk. */
export async function resultToArrow(result: DuckDBResult): Promise<Table> {
  const names = result.deduplicatedColumnNames();
  const columns = result.columnTypes().map((type, c) => {
    try {
      return columnBuilder(columnKind(type));
    } catch (error) {
      throw new SqlError(`column "${names[c]}": ${(error as Error).message}`, {cause: error});
    }
  });
  for (let chunk; (chunk = await result.fetchChunk()) && chunk.rowCount > 0;)
    columns.forEach((column, c) => column.push(chunk.convertColumnValues(c, toJS)));
  const vectors: Record<string, Vector> = {};
  names.forEach((name, c) => (vectors[name] = columns[c]!.finish()));
  return new Table(vectors);
}
