// The pushdown tests' and the sql bench's database: the runtime's own DuckDB client (the SQL cells' engine in
// Node, src/runtime/sql/duckdb-node.ts), with a way to run statements whose result is not read.
import type {SqlDatabase} from "../../src/cells/sql/database.ts";
import {createDuckDB, type DuckDBOptions} from "../../src/runtime/sql/duckdb-node.ts";

/** A DuckDB database in this process, with the SqlDatabase interface and a way to close it. */
export interface TestDatabase extends SqlDatabase {
  /** Runs a statement without reading a result (CREATE, COPY, SET). */
  run(text: string): Promise<void>;
  close(): void;
}

/** Opens an in-memory DuckDB that never downloads an extension (see createDuckDB). */
export async function openDuckDB(options: DuckDBOptions = {}): Promise<TestDatabase> {
  const engine = await createDuckDB(options);
  return {
    query: (text, params) => engine.query(text, params),
    async run(text) {
      await engine.query(text);
    },
    close: () => engine.close()
  };
}
