// Pages only (Vite): duckdb-wasm's modules and workers, copied into the built site and loaded from it, never
// from a CDN. The page imports this module only when a SQL cell (or DuckDBClient) first runs, so a notebook
// without SQL fetches none of these files.
import * as duckdb from "@duckdb/duckdb-wasm";
import ehWasm from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url";
import ehWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url";
import mvpWasm from "@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url";
import mvpWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url";
import {tableFromIPC, tableToIPC, type Table} from "apache-arrow";
import {SqlError, type SqlEngine, type SqlQueryOptions} from "./database.ts";
import {quoteIdentifier} from "./quote.ts";
import {withJavaScriptValues} from "./wasm-arrow.ts";

/** Where a page finds the file a SQL text names (`data/penguins.csv` → its URL, relative to the notebook). */
export type FileUrl = (name: string) => string;

/**
 * DuckDB in the page (`@duckdb/duckdb-wasm`, in a worker). Its results come as Arrow IPC bytes that the
 * project's apache-arrow reads (duckdb-wasm bundles its own, older copy), with the same types as node-api's
 * (see node-arrow.ts): 64-bit integers and decimals as doubles, timestamps as Date64, all made by wasm-arrow.ts
 * (duckdb-wasm's own casts, off here, garbled those in lists and structs and overflowed on ±infinity).
 */
export async function createWasmDuckDB(fileUrl: FileUrl): Promise<SqlEngine> {
  const bundle = await duckdb.selectBundle({
    mvp: {mainModule: mvpWasm, mainWorker: mvpWorker},
    eh: {mainModule: ehWasm, mainWorker: ehWorker}
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), policedWorker(bundle.mainWorker!));
  // Absolute: the worker runs from a blob: URL, against which a relative path cannot resolve.
  await db.instantiate(new URL(bundle.mainModule, location.href).href);
  await db.open({query: {castBigIntToDouble: false, castDecimalToDouble: false, castTimestampToDate: false}});
  const setup = await db.connectInternal();
  // No engine ever fetches an extension: Parquet and JSON are built in, and nothing else is needed.
  await db.runQuery(setup, "SET autoinstall_known_extensions = false");
  await db.runQuery(setup, "SET autoload_known_extensions = false");
  await db.disconnect(setup);
  const registered = new Map<string, Promise<void>>();
  return {
    async query(text, params = [], options = {}) {
      const conn = await db.connectInternal();
      try {
        return withJavaScriptValues(tableFromIPC(await run(db, conn, text, params, options)));
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        throw error instanceof SqlError ? error : new SqlError((error as Error).message, {cause: error});
      } finally {
        void db.disconnect(conn);
      }
    },
    // The file's bytes, fetched once: a full read, so that any static host serves it (no range requests).
    registerFile(name) {
      let done = registered.get(name);
      if (!done) {
        done = fetchBytes(fileUrl(name), name).then((bytes) => register(db, name, bytes));
        registered.set(name, done);
      }
      return done;
    },
    insertTable: (name, table) => insertTable(db, name, table),
    // A Parquet file straight into its table (registerFile would leave a second one, named after the file).
    async insertFile(this: SqlEngine, name, file) {
      if (/\.parquet$/i.test(file)) return register(db, file, await fetchBytes(fileUrl(file), file), name);
      await this.registerFile(file);
      await this.query(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} AS FROM ${quoteIdentifier(file)}`);
    },
    close() {
      void db.terminate();
    }
  };
}

/**
 * duckdb-wasm's worker, started from a blob: URL that loads the site's worker script. A worker started from its
 * own URL runs under the policy its response's headers give (none on a static host), so a query's
 * `read_csv('http://elsewhere/…')` was fetched from another site; one started from a blob: URL runs under the
 * page's policy, whose connect-src lets it fetch only from the page's own site.
 */
function policedWorker(script: string): Worker {
  // A single-file page's worker is a blob: URL already, under the page's policy.
  if (script.startsWith("blob:")) return new Worker(script);
  const source = `importScripts(${JSON.stringify(new URL(script, location.href).href)});`;
  // Kept for the page's life (one per engine): the worker may fetch it after the constructor returns.
  return new Worker(URL.createObjectURL(new Blob([source], {type: "text/javascript"})));
}

/**
 * Makes `name` readable. duckdb-wasm reads CSV and JSON itself, but Parquet only through an extension it would
 * download: a Parquet file is read by the runtime's own reader instead and becomes a table under the file's
 * name, so `FROM "data/x.parquet"` finds it as it finds the file in Node (`read_parquet('…')` does not).
 */
async function register(
  db: duckdb.AsyncDuckDB,
  name: string,
  bytes: Uint8Array,
  table = name
): Promise<void> {
  if (!/\.parquet$/i.test(name)) return db.registerFileBuffer(name, bytes);
  const {parquetToArrow} = await import("../stdlib/parquet.ts");
  return insertTable(db, table, await parquetToArrow(bytes.buffer as ArrayBuffer));
}

// The project's apache-arrow writes IPC bytes; duckdb-wasm's own, older copy never sees our Table objects.
async function insertTable(db: duckdb.AsyncDuckDB, name: string, table: Table): Promise<void> {
  const conn = await db.connectInternal();
  try {
    await db.runQuery(conn, `DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
    await db.insertArrowFromIPCStream(conn, tableToIPC(table, "stream"), {name, create: true});
  } catch (error) {
    throw new SqlError(`table "${name}": ${(error as Error).message}`, {cause: error});
  } finally {
    void db.disconnect(conn);
  }
}

async function run(
  db: duckdb.AsyncDuckDB,
  conn: number,
  text: string,
  params: readonly unknown[],
  {signal}: SqlQueryOptions
): Promise<Uint8Array[]> {
  signal?.throwIfAborted();
  if (params.length) {
    // A prepared statement runs in one step in the worker: an abort rejects at once, the worker finishes it.
    const statement = await db.createPrepared(conn, text);
    try {
      const result = db.runPrepared(conn, statement, [...params]);
      return [await abortable(result, signal)];
    } finally {
      void db.closePrepared(conn, statement);
    }
  }
  // A pending query runs in steps between polls, so that cancelPendingQuery stops it between two.
  let header = await db.startPendingQuery(conn, text);
  while (header === null) {
    if (signal?.aborted) {
      await db.cancelPendingQuery(conn);
      throw signal.reason;
    }
    header = await db.pollPendingQuery(conn);
  }
  const chunks = [header];
  for (;;) {
    const chunk = await db.fetchQueryResults(conn);
    if (chunk === null) continue;
    if (chunk.length === 0) return chunks;
    chunks.push(chunk);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort, {once: true});
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

async function fetchBytes(url: string, name: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new SqlError(`file not found: "${name}" (looked at ${url}, ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}
