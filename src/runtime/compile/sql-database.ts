import type {Cell} from "../notebook/types.ts";

/** Where a SQL cell's query runs: the notebook's DuckDB, or the client a variable holds (`var:db`). */
export type SqlDatabaseRef =
  {readonly kind: "engine"} | {readonly kind: "variable"; readonly variable: string};

const VARIABLE = /^var:([A-Za-z_$][\w$]*)$/;

/**
 * A SQL cell's `database` attribute, as Notebook Kit reads it: `duckdb` (or none) is the notebook's own DuckDB
 * (node-api headless and at build, duckdb-wasm in the page); `var:db` queries the variable `db` (a
 * DuckDBClient, or anything with `query(text, params)`). Throws a SyntaxError for any other name.
 */
export function sqlDatabase(cell: Cell): SqlDatabaseRef {
  const database = cell.database ?? "duckdb";
  if (database === "duckdb") return {kind: "engine"};
  const variable = VARIABLE.exec(database)?.[1];
  if (variable) return {kind: "variable", variable};
  throw new SyntaxError(`unknown database: "${database}" (expected duckdb or var:<name>)`);
}
