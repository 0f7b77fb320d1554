import {tableFromJSON, type Table} from "apache-arrow";
import {SqlError, type SqlDatabase, type SqlEngine} from "./database.ts";
import {quoteIdentifier} from "./quote.ts";
import {positionalQuery, templateQuery} from "./sql-params.ts";

/** What `DuckDBClient.of` inserts: an Arrow Table, an array of objects, a FileAttachment (or a promise of one). */
export type DuckDBSource = Table | readonly Record<string, unknown>[] | DuckDBFile;

/** The part of a FileAttachment the client reads: its name (the format comes from the extension) and an Arrow. */
export interface DuckDBFile {
  readonly name: string;
  arrow(): Promise<Table>;
}

/** A column as `describeColumns` gives it, as in Notebook Kit. */
export interface DuckDBColumn {
  /** The column's name. */
  readonly name: string;
  /** Observable's type family: "integer", "bigint", "number", "boolean", "date", "string" or "other". */
  readonly type: string;
  /** Whether it may hold nulls. */
  readonly nullable: boolean;
  /** DuckDB's own type name, e.g. "SMALLINT". */
  readonly databaseType: string;
}

/** The DuckDBClient class a notebook sees: `DuckDBClient.of(sources)` on the host's engine. */
export interface DuckDBClientClass {
  of(
    sources?: Readonly<Record<string, DuckDBSource | Promise<DuckDBSource>>>,
    config?: unknown
  ): Promise<DuckDBClient>;
  sql(sources?: Readonly<Record<string, DuckDBSource | Promise<DuckDBSource>>>): Promise<DuckDBClient["sql"]>;
}

/**
 * Notebook Kit's DuckDBClient over one of our engines (node-api in Node, duckdb-wasm in the page): each `of` opens
 * its own in-memory database. Queries answer with the project's Arrow Table, as SQL cells do.
 */
export class DuckDBClient implements SqlDatabase {
  readonly dialect = "duckdb";
  readonly #engine: SqlEngine;

  constructor(engine: SqlEngine) {
    this.#engine = engine;
  }

  /**
   * Runs `text` with `?` bound to `params` in order, never spliced into the text, each typed as in a SQL cell in
   * both engines (see sql-params.ts): a whole number an INTEGER, a Date a TIMESTAMP, an array a typed list…
   */
  async query(text: string, params: readonly unknown[] = []): Promise<Table> {
    const bound = positionalQuery(text, params);
    return this.#engine.query(bound.text, bound.params);
  }

  /** The first row as a plain object, or null when there is none. */
  async queryRow(text: string, params: readonly unknown[] = []): Promise<Record<string, unknown> | null> {
    const table = await this.query(text, params);
    return table.numRows ? (table.get(0)!.toJSON() as Record<string, unknown>) : null;
  }

  /** The tagged template: each `${…}` is a bound parameter, typed as in a SQL cell (see sql-params.ts). */
  readonly sql = async (strings: readonly string[], ...params: unknown[]): Promise<Table> => {
    const bound = templateQuery(strings, params);
    return this.#engine.query(bound.text, bound.params);
  };

  /** `name` quoted as an identifier. */
  escape(name: string): string {
    return quoteIdentifier(name);
  }

  async describeTables(): Promise<{name: string}[]> {
    return Array.from(await this.query("SHOW TABLES"), (row) => ({name: String(row.name)}));
  }

  async describeColumns({table}: {table: string}): Promise<DuckDBColumn[]> {
    return Array.from(await this.query(`DESCRIBE ${quoteIdentifier(table)}`), (row) => ({
      name: String(row.column_name),
      type: typeFamily(String(row.column_type)),
      nullable: row.null !== "NO",
      databaseType: String(row.column_type)
    }));
  }

  /** Frees the database; queries after this fail. */
  close(): void {
    this.#engine.close();
  }
}

/** The `DuckDBClient` builtin of a host whose engine `start` opens (a new database each call). */
export function duckDBClientClass(start: () => Promise<SqlEngine>): DuckDBClientClass {
  const of: DuckDBClientClass["of"] = async (sources = {}) => {
    const engine = await start();
    try {
      await Promise.all(
        Object.entries(sources).map(async ([name, source]) => insert(engine, name, await source))
      );
    } catch (error) {
      engine.close();
      throw error;
    }
    return new DuckDBClient(engine);
  };
  return {of, sql: async (sources) => (await of(sources)).sql};
}

// Files DuckDB reads itself, by their name relative to the notebook, as a SQL cell's `FROM "data/x.csv"` does.
const READABLE = /\.(?:parquet|csv|tsv|json|jsonl|ndjson)(?:\.gz)?$/i;

async function insert(engine: SqlEngine, name: string, source: unknown): Promise<void> {
  if (isFile(source)) {
    if (/\.(?:arrow|feather)$/i.test(source.name)) return engine.insertTable(name, await source.arrow());
    if (!READABLE.test(source.name))
      throw new SqlError(
        `table "${name}": cannot read "${source.name}" (expected CSV, TSV, JSON, Parquet or Arrow)`
      );
    return engine.insertFile(name, source.name);
  }
  if (isArrowTable(source)) return engine.insertTable(name, source);
  if (Array.isArray(source))
    return engine.insertTable(name, tableFromJSON(source as Record<string, unknown>[]));
  throw new SqlError(
    `table "${name}": invalid source (expected an Arrow table, an array of objects or a FileAttachment)`
  );
}

function isFile(value: unknown): value is DuckDBFile {
  const file = value as Partial<DuckDBFile> | null;
  return typeof file?.name === "string" && typeof file.arrow === "function";
}

// A duck test, as Notebook Kit's: a Table of another apache-arrow copy is still a table.
function isArrowTable(value: unknown): value is Table {
  const table = value as Partial<Table> | null;
  return typeof table?.getChild === "function" && Array.isArray(table.schema?.fields);
}

// Observable's type families for DuckDB's type names (Notebook Kit's getDuckDBType).
function typeFamily(type: string): string {
  if (/^(?:BIGINT|HUGEINT|UBIGINT)$/.test(type)) return "bigint";
  if (/^(?:DOUBLE|REAL|FLOAT)$/.test(type)) return "number";
  if (/^(?:U?(?:INTEGER|SMALLINT|TINYINT)|DECIMAL\(.*)$/.test(type)) return "integer";
  if (type === "BOOLEAN") return "boolean";
  if (/^(?:DATE|TIMESTAMP(?:_S|_MS|_NS| WITH TIME ZONE)?)$/.test(type)) return "date";
  if (type === "VARCHAR" || type === "UUID") return "string";
  return "other";
}

// The name the inspector shows (`db = DuckDBClient {…}`), kept through the page bundle's minifier.
Object.defineProperty(DuckDBClient, "name", {value: "DuckDBClient"});
