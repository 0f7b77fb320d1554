import type {Table} from "apache-arrow";

/**
 * What SQL cells, DuckDBClient and the pushdown code query: both engines (`@duckdb/node-api` in Node,
 * `@duckdb/duckdb-wasm` in the page) give this shape. `?` in `text` are positional parameters, bound to
 * `params` in order (never spliced into the text).
 */
export interface SqlDatabase {
  query(text: string, params?: readonly unknown[]): Promise<Table>;
}

/** How one query runs: what stops it and who hears of its progress. */
export interface SqlQueryOptions {
  /** Interrupts the query when aborted (node-api: connection.interrupt(); wasm: cancelPendingQuery). */
  readonly signal?: AbortSignal;
  /** Called with the fraction done (0–1) while a query runs, about every 250 ms (Node only). */
  readonly onProgress?: (fraction: number) => void;
}

/** An engine behind SQL cells: a SqlDatabase whose queries can be cancelled and report progress. */
export interface SqlEngine extends SqlDatabase {
  query(text: string, params?: readonly unknown[], options?: SqlQueryOptions): Promise<Table>;
  /** Makes `name` (as written in the SQL, e.g. `data/penguins.csv`) readable by queries. Idempotent. */
  registerFile(name: string): Promise<void>;
  /** Copies an Arrow table (the project's apache-arrow) into a new table `name`, replacing one of that name. */
  insertTable(name: string, table: Table): Promise<void>;
  /** Copies the data file `file` (CSV, TSV, JSON or Parquet, named as a SQL text names it) into a new table `name`. */
  insertFile(name: string, file: string): Promise<void>;
  /** Frees the engine; queries after this fail. */
  close(): void;
}

/** A SQL statement the engine refused: the engine's message, and the line of the query it points at. */
export class SqlError extends Error {
  override name = "SqlError";
  /** 1-based line within the query text, when the engine names one (`LINE 3:`). */
  readonly queryLine: number | undefined;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    const line = /\bLINE (\d+):/.exec(message);
    this.queryLine = line ? Number(line[1]) : undefined;
  }
}
