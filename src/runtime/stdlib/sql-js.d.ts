// The parts of sql.js (which ships no types) that FileAttachment.sqlite() uses.
declare module "sql.js" {
  /** A value SQLite stores: INTEGER and REAL as numbers, TEXT as strings, BLOB as bytes. */
  export type SqlValue = number | string | Uint8Array | null;
  /** The result of one statement: its column names and rows of values. */
  export interface QueryExecResult {
    columns: string[];
    values: SqlValue[][];
  }
  export interface Database {
    /** Runs the statements of `sql`, binding `params` to the first; the results of those that return rows. */
    exec(sql: string, params?: readonly SqlValue[] | Readonly<Record<string, SqlValue>>): QueryExecResult[];
    close(): void;
  }
  export interface SqlJsStatic {
    Database: new (data?: Uint8Array | null) => Database;
  }
  export interface SqlJsConfig {
    /** Where the .wasm is (the Node build finds it beside itself; a bundled page must say). */
    locateFile?: (file: string, prefix: string) => string;
  }
  export default function initSqlJs(config?: SqlJsConfig): Promise<SqlJsStatic>;
}

// Vite's `?url` import: the URL a built page serves the file at (it copies the file into the site).
declare module "sql.js/dist/sql-wasm-browser.wasm?url" {
  const url: string;
  export default url;
}
