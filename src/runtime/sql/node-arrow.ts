import {
  DuckDBDateValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBResult,
  type DuckDBType,
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
  List,
  Table,
  TimeMicrosecond,
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  Precision,
  Type,
  vectorFromArray,
  type DataType,
  type Vector
} from "apache-arrow";
import {dateDays, timestampMillis} from "./date-range.ts";

/**
 * A column's Arrow type and how one of its JS values (`toJS` below) becomes the value Arrow stores. The types
 * are those duckdb-wasm gives with `castBigIntToDouble` and `castDecimalToDouble`, its timestamps made Date64
 * by wasm-arrow.ts (see duckdb-wasm.ts), so both engines answer a query with the same table.
 */
interface ColumnKind {
  readonly type: DataType;
  readonly value: (value: JS) => unknown;
}

const same = (value: JS): unknown => value;
const number = (value: JS): unknown => (value === null ? null : Number(value));
const text = (value: JS): unknown =>
  value === null ? null : typeof value === "object" ? JSON.stringify(value, jsonBigInt) : String(value);

// node-api's TIMETZ is `{micros, offset}`.
const timeOfTimeTZ = (value: JS): unknown => (value === null ? null : (value as {micros: bigint}).micros);

function jsonBigInt(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

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
    case DuckDBTypeId.BLOB:
      return {type: new Binary(), value: same};
    case DuckDBTypeId.LIST: {
      const child = columnKind(type.valueType);
      return {type: new List(new Field("l", child.type, true)), value: listOf(child)};
    }
    case DuckDBTypeId.ARRAY: {
      const child = columnKind(type.valueType);
      return {type: new FixedSizeList(type.length, new Field("l", child.type, true)), value: listOf(child)};
    }
    default:
      // Everything else (structs, maps, intervals, UUIDs…) as text: readable, never lost silently.
      return {type: new Utf8(), value: text};
  }
}

function listOf(child: ColumnKind): (value: JS) => unknown {
  return (value) => (Array.isArray(value) ? value.map(child.value) : null);
}

/**
 * node-api's JavaScript values, but dates and timestamps as epoch milliseconds by date-range.ts's rule (node-api
 * threw on DuckDB's ±infinity, and gave a TIMESTAMP_NS's as 2262-04-11). Nested values come here too.
 */
const toJS: DuckDBValueConverter<JS> = (value, type, converter) =>
  value === null ? null : (millisOf(value) ?? JSDuckDBValueConverter(value, type, converter));

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
  const columns = result.columnTypes().map(columnKind).map(columnBuilder);
  for (let chunk; (chunk = await result.fetchChunk()) && chunk.rowCount > 0;)
    columns.forEach((column, c) => column.push(chunk.convertColumnValues(c, toJS)));
  const vectors: Record<string, Vector> = {};
  names.forEach((name, c) => (vectors[name] = columns[c]!.finish()));
  return new Table(vectors);
}

/** A column being read: its values pushed chunk by chunk, then made a vector. */
interface ColumnBuilder {
  push(values: readonly JS[]): void;
  finish(): Vector;
}

type NumberArray =
  Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;
type NumberArrayConstructor = new (length: number) => NumberArray;

/**
 * Numbers straight into a typed array and text straight into UTF-8 bytes and offsets: Arrow's builders
 * (vectorFromArray) took 16 s for 3 million short strings and 1.5 s for as many doubles. Other kinds (dates,
 * lists, the text of structs…) go through them.
 */
function columnBuilder(kind: ColumnKind): ColumnBuilder {
  const typed = numberArrays.get(kind.type.typeId);
  if (typed) return numberColumn(kind, typed(kind.type));
  if (kind.type instanceof Utf8) return textColumn(kind);
  const values: unknown[] = [];
  return {
    push: (chunk) => {
      for (const value of chunk) values.push(kind.value(value));
    },
    finish: () => vectorFromArray(values, kind.type)
  };
}

const numberArrays = new Map<Type, (type: DataType) => NumberArrayConstructor | undefined>([
  [Type.Int, (type) => intArray(type as Int8 | Int16 | Int32 | Uint8 | Uint16 | Uint32)],
  [
    Type.Float,
    (type) => ((type as Float32 | Float64).precision === Precision.SINGLE ? Float32Array : Float64Array)
  ]
]);

function intArray(type: {bitWidth: number; isSigned: boolean}): NumberArrayConstructor | undefined {
  const signed = {8: Int8Array, 16: Int16Array, 32: Int32Array} as const;
  const unsigned = {8: Uint8Array, 16: Uint16Array, 32: Uint32Array} as const;
  return (type.isSigned ? signed : unsigned)[type.bitWidth as 8 | 16 | 32];
}

function numberColumn(kind: ColumnKind, Array: NumberArrayConstructor | undefined): ColumnBuilder {
  const Values = Array ?? Float64Array;
  let data = new Values(1024);
  let length = 0;
  const nulls: number[] = [];
  return {
    push(chunk) {
      if (length + chunk.length > data.length) {
        const grown = new Values(Math.max(data.length * 2, length + chunk.length));
        grown.set(data.subarray(0, length));
        data = grown;
      }
      for (const value of chunk) {
        if (value === null) nulls.push(length);
        else data[length] = Number(kind.value(value));
        ++length;
      }
    },
    finish: () =>
      makeVector(
        makeData({
          type: kind.type as Float64,
          length,
          data: data.subarray(0, length) as Float64Array,
          nullCount: nulls.length,
          nullBitmap: bitmap(length, nulls)
        })
      )
  };
}

function textColumn(kind: ColumnKind): ColumnBuilder {
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(1 << 16);
  let offsets = new Int32Array(1025);
  let used = 0;
  let length = 0;
  const nulls: number[] = [];
  return {
    push(chunk) {
      if (length + chunk.length + 1 > offsets.length) {
        const grown = new Int32Array(Math.max(offsets.length * 2, length + chunk.length + 1));
        grown.set(offsets.subarray(0, length + 1));
        offsets = grown;
      }
      for (const value of chunk) {
        const text = kind.value(value);
        if (text === null) nulls.push(length);
        else {
          const string = String(text);
          // UTF-8 takes at most 3 bytes per UTF-16 unit.
          if (used + string.length * 3 > bytes.length) {
            const grown = new Uint8Array(Math.max(bytes.length * 2, used + string.length * 3));
            grown.set(bytes.subarray(0, used));
            bytes = grown;
          }
          used += encoder.encodeInto(string, bytes.subarray(used)).written;
        }
        offsets[++length] = used;
      }
    },
    finish: () =>
      makeVector(
        makeData({
          type: new Utf8(),
          length,
          valueOffsets: offsets.subarray(0, length + 1),
          data: bytes.subarray(0, used),
          nullCount: nulls.length,
          nullBitmap: bitmap(length, nulls)
        })
      )
  };
}

// Arrow's validity bitmap (bit set: a value), or none when every row has one.
function bitmap(length: number, nulls: readonly number[]): Uint8Array | undefined {
  if (nulls.length === 0) return undefined;
  const bits = new Uint8Array((length + 7) >> 3).fill(0xff);
  for (const row of nulls) bits[row >> 3]! &= ~(1 << (row & 7));
  return bits;
}
