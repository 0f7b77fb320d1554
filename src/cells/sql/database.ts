import type {Table} from "apache-arrow";

/**
 * A database the Phoenix cells can query: a SQL cell's client (DuckDB in Node or in the page) or any object
 * with this method. `?` marks a positional parameter; `params` holds their values in order.
 */
export interface SqlDatabase {
  /** Runs one statement and resolves to its result as an Arrow table; rejects with the engine's message. */
  query(text: string, params?: readonly unknown[]): Promise<Table>;
}
