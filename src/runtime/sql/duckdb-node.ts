import {
  DuckDBConnection,
  DuckDBInstance,
  listValue,
  timestampValue,
  type DuckDBValue
} from "@duckdb/node-api";
import {realpathSync} from "node:fs";
import {resolve} from "node:path";
import type {Table} from "apache-arrow";
import {resultToArrow} from "./node-arrow.ts";
import {insertArrowTable} from "./node-insert.ts";
import {SqlError, type SqlEngine, type SqlQueryOptions} from "./database.ts";
import {quoteIdentifier, quoteString} from "./quote.ts";
import {trackQuery} from "./running-queries.ts";
import {sqlFileNames} from "./sql-files.ts";

/** Options of createDuckDB. */
export interface DuckDBOptions {
  /** DuckDB's `memory_limit`, e.g. "1GB"; past it, operators spill to a temporary directory. Default: DuckDB's (80 % of RAM). */
  readonly memoryLimit?: string;
  /** Worker threads of the engine. Default: DuckDB's (one per core). */
  readonly threads?: number;
  /** The directory relative file names resolve from (`FROM "data/penguins.csv"`). Default: the working directory. */
  readonly directory?: string;
  /** Views to create, name → file path (Parquet, CSV, JSON): `FROM penguins` then reads the file. Default: none. */
  readonly files?: Readonly<Record<string, string>>;
}

// How often a running query's progress is read (node-api's query_progress).
const PROGRESS_INTERVAL_MS = 250;

/**
 * An in-memory DuckDB in Node (`@duckdb/node-api`), for SQL cells in the runner and at build, and for code that
 * pushes work into SQL. Extensions are never downloaded: `autoinstall_known_extensions` is off (Parquet and
 * JSON are built in). Each query runs on its own connection, so that interrupting it stops only it.
 */
export async function createDuckDB(options: DuckDBOptions = {}): Promise<SqlEngine> {
  const config: Record<string, string> = {
    autoinstall_known_extensions: "false",
    ...(options.memoryLimit === undefined ? {} : {memory_limit: options.memoryLimit}),
    ...(options.threads === undefined ? {} : {threads: String(options.threads)}),
    ...(options.directory === undefined ? {} : {file_search_path: options.directory})
  };
  const instance = await DuckDBInstance.create(":memory:", config).catch((error: unknown) => {
    throw new SqlError(`DuckDB did not start: ${(error as Error).message}`, {cause: error});
  });
  const setup = await DuckDBConnection.create(instance);
  try {
    // A Date parameter is a naive TIMESTAMP in UTC: compared with a TIMESTAMPTZ, the session's zone converts.
    // UTC, as the page's engine (no ICU) has it, so a result does not depend on the machine's zone.
    await setup.run("SET GLOBAL TimeZone = 'UTC'");
    for (const [name, path] of Object.entries(options.files ?? {}))
      await setup.run(`CREATE VIEW ${quoteIdentifier(name)} AS FROM ${quoteString(path)}`);
  } catch (error) {
    throw new SqlError((error as Error).message, {cause: error});
  } finally {
    setup.closeSync();
  }
  let closed = false;
  return {
    async query(text, params = [], queryOptions = {}) {
      if (closed) throw new SqlError("the database is closed");
      if (options.directory !== undefined) refuseShadowedFiles(text, options.directory);
      const connection = await DuckDBConnection.create(instance);
      try {
        return await run(connection, text, params, queryOptions);
      } finally {
        connection.closeSync();
      }
    },
    // Relative names resolve from `directory` (file_search_path): nothing to register.
    registerFile: async () => {},
    async insertFile(this: SqlEngine, name, file) {
      await this.query(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS FROM ${quoteString(file)}`);
    },
    async insertTable(name, table) {
      if (closed) throw new SqlError("the database is closed");
      const connection = await DuckDBConnection.create(instance);
      try {
        await insertArrowTable(connection, name, table);
      } finally {
        connection.closeSync();
      }
    },
    close() {
      closed = true;
      instance.closeSync();
    }
  };
}

/**
 * Throws when a relative file the query names exists under the working directory as another file than the one
 * beside the notebook: DuckDB tries the working directory before `file_search_path`, so the query would read
 * the wrong data without a word (a `data/x.csv` in the folder `run` was started from).
 */
function refuseShadowedFiles(text: string, directory: string): void {
  for (const name of sqlFileNames(text)) {
    const [here, notebook] = [resolve(name), resolve(directory, name)].map((path) => {
      try {
        return realpathSync(path);
      } catch {
        return undefined;
      }
    });
    if (here !== undefined && here !== notebook)
      throw new SqlError(
        `"${name}" names ${here} (the working directory's), which DuckDB would read instead of the notebook's ` +
          `${resolve(directory, name)}: run from the notebook's folder, or rename one of them`
      );
  }
}

async function run(
  connection: DuckDBConnection,
  text: string,
  params: readonly unknown[],
  {signal, onProgress}: SqlQueryOptions
): Promise<Table> {
  signal?.throwIfAborted();
  // DuckDB tracks a query's progress only with the connection's progress bar on (never printed here).
  if (onProgress)
    await connection.run(
      "SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 1000"
    );
  const interrupt = () => connection.interrupt();
  signal?.addEventListener("abort", interrupt, {once: true});
  // A thread about to end interrupts it too (see running-queries.ts).
  const untrack = trackQuery(interrupt);
  // The pending result executes on libuv's pool, so the event loop is free to read progress meanwhile.
  const timer = onProgress
    ? setInterval(() => {
        const {percentage} = connection.progress;
        if (percentage >= 0) onProgress(Math.min(1, percentage / 100));
      }, PROGRESS_INTERVAL_MS)
    : undefined;
  try {
    const values = params.length ? params.map(toDuckDBValue) : undefined;
    const pending = await connection.start(text, values);
    const result = await pending.getResult();
    return await resultToArrow(result);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error instanceof SqlError ? error : new SqlError((error as Error).message, {cause: error});
  } finally {
    clearInterval(timer);
    untrack();
    signal?.removeEventListener("abort", interrupt);
  }
}

/** A parameter as node-api binds it; sql-params.ts has written the casts that give it the page's type. */
function toDuckDBValue(value: unknown, index: number): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "bigint") return value;
  if (value instanceof Date) return timestampValue(BigInt(value.getTime()) * 1000n);
  if (Array.isArray(value)) return listValue(value.map((item, i) => toDuckDBValue(item, i)));
  throw new SqlError(
    `parameter ${index + 1}: cannot bind a ${Object.prototype.toString.call(value).slice(8, -1)} (expected a number, string, boolean, bigint, Date, array or null)`
  );
}
