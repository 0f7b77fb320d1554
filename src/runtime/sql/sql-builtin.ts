import type {Table} from "apache-arrow";
import {CellError} from "../cell-error.ts";
import {cellScoped, type CellContext, type CellScoped} from "../define/cell-context.ts";
import {invalidationSignal} from "../stdlib/invalidation-signal.ts";
import {SqlError, type SqlDatabase, type SqlEngine} from "./database.ts";
import {sqlFileNames} from "./sql-files.ts";
import {templateQuery, type BoundQuery} from "./sql-params.ts";

/** The builtin SQL cells call; a name with a space, which no cell can write (see compile/sql-cell.ts). */
export const SQL_BUILTIN = "sql cell";

/** What the compiler tells the builtin about a SQL cell. */
export interface SqlCellSpec {
  /** 1-based line of the notebook file where the SQL starts. */
  readonly line: number;
  /** For each `${…}`, the line breaks it spans, kept in the text so the engine's `LINE n` is the cell's. */
  readonly breaks: readonly number[];
}

/** The tag a SQL cell's template calls: the query with each `${…}` as a bound `?` parameter. */
export type SqlCellTag = (
  spec: SqlCellSpec,
  client?: unknown
) => (strings: readonly string[], ...params: unknown[]) => Promise<Table>;

/**
 * The SQL cells' builtin: `load` starts the host's engine (node-api in the runner, duckdb-wasm in the page) the
 * first time a cell queries it (its inputs ready), so a notebook without SQL never loads one, and a page fetches
 * the engine after the libraries of the cells that can render before it. Each run's query stops when the cell
 * is invalidated (interrupted, rerun, or its inputs changed), and reports progress in the cell's place.
 */
export function sqlBuiltin(load: () => Promise<SqlEngine>): CellScoped<SqlCellTag> {
  return cellScoped<SqlCellTag>((context) => (spec, client) => async (strings, ...values) => {
    try {
      const {text, params} = query(strings, values, spec);
      if (client !== undefined) return await viaClient(client, text, params);
      const engine = await load();
      await Promise.all(sqlFileNames(text).map((name) => engine.registerFile(name)));
      return await engine.query(text, params, {
        signal: invalidationSignal(context),
        onProgress: (fraction) => context.progress(fraction, "query")
      });
    } catch (error) {
      throw cellError(context, spec, error);
    }
  });
}

/** The query's text, each `${…}` in it as its placeholder (the lines it spanned kept), and what those bind. */
function query(strings: readonly string[], values: readonly unknown[], spec: SqlCellSpec): BoundQuery {
  return templateQuery(strings, values, (i) => "\n".repeat(spec.breaks[i] ?? 0));
}

// `database="var:db"`: the cell queries what the variable holds, as Notebook Kit's SQL cells do.
async function viaClient(client: unknown, text: string, params: readonly unknown[]): Promise<Table> {
  if (typeof (client as Partial<SqlDatabase> | null)?.query !== "function")
    throw new SqlError("the database variable has no query(text, params) method (expected a DuckDBClient)");
  return (client as SqlDatabase).query(text, params);
}

function cellError(context: CellContext, spec: SqlCellSpec, error: unknown): unknown {
  if (error instanceof CellError || (error as Error | undefined)?.name === "AbortError") return error;
  const message = error instanceof Error ? error.message : String(error);
  const queryLine = error instanceof SqlError ? error.queryLine : /\bLINE (\d+):/.exec(message)?.[1];
  const line = spec.line + (queryLine === undefined ? 0 : Number(queryLine) - 1);
  return new CellError("runtime", message.trim(), context.name, line, {cause: error});
}
