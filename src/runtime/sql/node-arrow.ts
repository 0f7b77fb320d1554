import {
  DuckDBTypeId,
  JSDuckDBValueConverter,
  type DuckDBResult,
  type DuckDBType,
  type JS
} from "@duckdb/node-api";
import {
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
  Uint16,
  Uint32,
  Uint8,
  Utf8,
  vectorFromArray,
  type DataType,
  type Vector
} from "apache-arrow";

/**
 * A column's Arrow type and how one of its JS values (node-api's `JSDuckDBValueConverter`) becomes the value
 * Arrow stores. The types are those duckdb-wasm gives with `castBigIntToDouble`, `castDecimalToDouble` and
 * `castTimestampToDate` (see duckdb-wasm.ts), so both engines answer a query with the same table.
 */
interface ColumnKind {
  readonly type: DataType;
  readonly value: (value: JS) => unknown;
}

const same = (value: JS): unknown => value;
const number = (value: JS): unknown => (value === null ? null : Number(value));
const millis = (value: JS): unknown => (value instanceof Date ? value.getTime() : value);
const text = (value: JS): unknown =>
  value === null ? null : typeof value === "object" ? JSON.stringify(value, jsonBigInt) : String(value);

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
      return {type: new DateDay(), value: millis};
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return {type: new DateMillisecond(), value: millis};
    case DuckDBTypeId.LIST: {
      const child = columnKind(type.valueType);
      return {type: new List(new Field("l", child.type, true)), value: listOf(child)};
    }
    case DuckDBTypeId.ARRAY: {
      const child = columnKind(type.valueType);
      return {type: new FixedSizeList(type.length, new Field("l", child.type, true)), value: listOf(child)};
    }
    default:
      // Everything else (structs, maps, intervals, UUIDs, blobs…) as text: readable, never lost silently.
      return {type: new Utf8(), value: text};
  }
}

function listOf(child: ColumnKind): (value: JS) => unknown {
  return (value) => (Array.isArray(value) ? value.map(child.value) : null);
}

/** Reads a whole result into an Arrow Table, column by column, chunk by chunk. */
export async function resultToArrow(result: DuckDBResult): Promise<Table> {
  const names = result.deduplicatedColumnNames();
  const kinds = result.columnTypes().map(columnKind);
  const columns: unknown[][] = names.map(() => []);
  for (let chunk; (chunk = await result.fetchChunk()) && chunk.rowCount > 0;) {
    for (let c = 0; c < names.length; ++c) {
      const values = chunk.convertColumnValues(c, JSDuckDBValueConverter);
      const convert = kinds[c]!.value;
      const column = columns[c]!;
      for (const value of values) column.push(convert(value));
    }
  }
  const vectors: Record<string, Vector> = {};
  names.forEach((name, c) => (vectors[name] = vectorFromArray(columns[c]!, kinds[c]!.type)));
  return new Table(vectors);
}
