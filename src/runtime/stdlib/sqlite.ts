// FileAttachment.sqlite(): Observable's SQLiteDatabaseClient over sql.js (SQLite compiled to WebAssembly),
// loaded with the first database. Queries run on the page's (or runner's) thread, as Observable's do.
import type {SqlJsStatic} from "sql.js";
import {FileAttachmentError} from "./file-source.ts";

/** A value SQLite stores: INTEGER and REAL as numbers, TEXT as strings, BLOB as bytes, NULL as null. */
export type SqlValue = number | string | Uint8Array | null;

type Params = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

/** What the client uses of a sql.js Database (declared here: sql.js ships no types for a consumer to see). */
interface SqlDatabase {
  exec(sql: string, params?: Params): {columns: string[]; values: SqlValue[][]}[];
}

/** Rows of a query: objects keyed by column name; `columns` keeps the columns' order. */
export type QueryRows = Record<string, SqlValue>[] & {columns: string[]};

/** A column, as describeColumns() reports it. */
export interface ColumnDescription {
  readonly name: string;
  /** The JavaScript type of its values: "integer", "number", "string", "buffer", "null" or "other". */
  readonly type: string;
  /** The type declared in the table's schema, e.g. "VARCHAR(20)". */
  readonly databaseType: string;
  readonly nullable: boolean;
}

/** A SQLite database, as Observable's SQLiteDatabaseClient; a failing query is an error naming the file. */
export class SQLiteDatabaseClient {
  readonly dialect = "sqlite";
  readonly #db: SqlDatabase;
  readonly #file: string;

  constructor(db: SqlDatabase, file: string) {
    this.#db = db;
    this.#file = file;
  }

  /** The rows `query` returns, with `params` bound to its `?` (or `:name`) placeholders. */
  async query(query: string, params?: Params): Promise<QueryRows> {
    let results;
    try {
      results = this.#db.exec(String(query), params);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new FileAttachmentError(this.#file, `SQLite "${this.#file}": ${why}`, {cause: error});
    }
    const [result] = results;
    const columns = result?.columns ?? [];
    const rows = (result?.values ?? []).map((values) =>
      Object.fromEntries(columns.map((c, i) => [c, values[i]!]))
    );
    return Object.assign(rows, {columns});
  }

  /** The first row of `query`, or null when it returns none. */
  async queryRow(query: string, params?: Params): Promise<Record<string, SqlValue> | null> {
    return (await this.query(query, params))[0] ?? null;
  }

  /** The tagged template: sql`SELECT * FROM t WHERE id = ${id}` binds each `${…}` as a parameter. */
  sql(strings: TemplateStringsArray, ...params: SqlValue[]): Promise<QueryRows> {
    return this.query(...this.queryTag(strings, ...params));
  }

  /** A tagged template's query (its parts joined by `?`) and parameters. */
  queryTag(strings: TemplateStringsArray, ...params: SqlValue[]): [string, SqlValue[]] {
    return [strings.join("?"), params];
  }

  /** The database's tables (SQLite's own left out): `{name}`, and `schema` for an attached one. */
  async describeTables({schema}: {schema?: string} = {}): Promise<QueryRows> {
    return this.query(
      `SELECT NULLIF(schema, 'main') AS schema, name FROM pragma_table_list() WHERE type = 'table'` +
        `${schema === undefined ? "" : " AND schema = ?"} AND name NOT LIKE 'sqlite_%' ORDER BY schema, name`,
      schema === undefined ? [] : [schema]
    );
  }

  /** The columns of `table`, in order; a table that does not exist is an error. */
  async describeColumns({schema, table}: {schema?: string; table: string}): Promise<ColumnDescription[]> {
    const rows = await this.query(
      `SELECT name, type, "notnull" FROM pragma_table_info(?${schema === undefined ? "" : ", ?"}) ORDER BY cid`,
      schema === undefined ? [table] : [table, schema]
    );
    if (rows.length === 0)
      throw new FileAttachmentError(this.#file, `no table "${table}" in "${this.#file}"`);
    return rows.map(({name, type, notnull}) => ({
      name: String(name),
      type: sqliteType(String(type)),
      databaseType: String(type),
      nullable: !notnull
    }));
  }
}

const inNode = typeof process === "object" && typeof process.versions?.node === "string";
let loading: Promise<SqlJsStatic> | undefined;

/** Opens the database in `buffer`; a file that is no SQLite database is an error naming `file`. */
export async function openSQLite(buffer: ArrayBuffer, file: string): Promise<SQLiteDatabaseClient> {
  const SQL = await (loading ??= loadSqlJs().catch((error: unknown) => {
    loading = undefined; // a failed fetch of the .wasm may succeed next time
    throw error;
  }));
  const db = new SQL.Database(new Uint8Array(buffer));
  // sql.js reads the header only when asked: ask now, so that a corrupt file fails here rather than later.
  db.exec("SELECT count(*) FROM sqlite_schema");
  return new SQLiteDatabaseClient(db, file);
}

async function loadSqlJs(): Promise<SqlJsStatic> {
  const module = await import("sql.js");
  const initSqlJs = module.default;
  return initSqlJs(inNode ? {} : {locateFile: (await import("./sqlite-wasm-page.ts")).locateFile});
}

// A declared type (anything goes in SQLite) as the JavaScript type of its values, as Observable reports it.
function sqliteType(type: string): string {
  switch (type.toUpperCase()) {
    case "NULL":
      return "null";
    case "INT":
    case "INTEGER":
    case "TINYINT":
    case "SMALLINT":
    case "MEDIUMINT":
    case "BIGINT":
    case "UNSIGNED BIG INT":
    case "INT2":
    case "INT8":
      return "integer";
    case "TEXT":
    case "CLOB":
    case "DATE":
    case "DATETIME":
      return "string";
    case "REAL":
    case "DOUBLE":
    case "DOUBLE PRECISION":
    case "FLOAT":
    case "NUMERIC":
      return "number";
    case "BLOB":
      return "buffer";
    default:
      if (/^(?:(?:VARYING|NATIVE) )?CHARACTER\(|^(?:N|VAR|NVAR)?CHAR\(/i.test(type)) return "string";
      return /^(?:DECIMAL|NUMERIC)\(/i.test(type) ? "number" : "other";
  }
}
