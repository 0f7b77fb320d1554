// A minimal SqlDatabase over @duckdb/node-api for the pushdown tests and the sql bench: a query with `?`
// parameters in, an Arrow table (the project's apache-arrow) out. Deliberately small and separate: the SQL
// cells' client in the runtime replaces it. Values cross as JS values, fine for the summaries and samples
// the pushdown reads back; timestamps keep millisecond precision.
import {DuckDBInstance, DuckDBTypeId, type DuckDBType, type DuckDBValue} from "@duckdb/node-api";
import {
  Bool,
  DateMillisecond,
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Int32,
  Int64,
  List,
  Table,
  TimestampMillisecond,
  Utf8,
  vectorFromArray,
  type DataType,
  type Vector
} from "apache-arrow";
import type {SqlDatabase} from "../../src/cells/sql/database.ts";

/** A DuckDB database in this process, with the SqlDatabase interface and a way to close it. */
export interface TestDatabase extends SqlDatabase {
  /** Runs a statement without reading a result (CREATE, SET). */
  run(text: string): Promise<void>;
  close(): void;
}

/**
 * Opens an in-memory DuckDB. Nothing is ever downloaded (extensions are not auto-installed; parquet is
 * built in). `options` are DuckDB settings, e.g. {memory_limit: "1GB"}.
 */
export async function openDuckDB(options: Record<string, string> = {}): Promise<TestDatabase> {
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    ...options
  });
  const connection = await instance.connect();
  return {
    async query(text, params = []) {
      const reader = await connection.runAndReadAll(text, params as DuckDBValue[]);
      const columns = reader.getColumnsJS();
      const names = reader.deduplicatedColumnNames();
      const vectors: Record<string, Vector> = {};
      reader.columnTypes().forEach((type, i) => {
        const arrowType = arrowTypeOf(type);
        const values = columns[i] ?? []; // no rows: no columns either
        vectors[names[i]!] = vectorFromArray(
          values.map((v) => arrowValue(v, arrowType)),
          arrowType
        );
      });
      return new Table(vectors);
    },
    async run(text) {
      await connection.run(text);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
}

function arrowTypeOf(type: DuckDBType): DataType {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool();
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return new Int32();
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
      return new Int64();
    case DuckDBTypeId.FLOAT:
      return new Float32();
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return new Float64();
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.ENUM:
    case DuckDBTypeId.UUID:
      return new Utf8();
    case DuckDBTypeId.DATE:
      return new DateMillisecond();
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new TimestampMillisecond("UTC");
    case DuckDBTypeId.LIST:
      return new List(new Field("item", arrowTypeOf(type.valueType), true));
    case DuckDBTypeId.ARRAY:
      return new FixedSizeList(type.length, new Field("item", arrowTypeOf(type.valueType), true));
    case DuckDBTypeId.SQLNULL:
      return new Float64();
    default:
      throw new TypeError(`test DuckDB adapter: no Arrow type for ${type.toString()}`);
  }
}

function arrowValue(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date && type instanceof DateMillisecond) return value;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "bigint" && !(type instanceof Int64)) return Number(value);
  if (typeof value === "number" && type instanceof Int64) return BigInt(value);
  return value;
}
