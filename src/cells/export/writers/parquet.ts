import {tableToIPC, type Table} from "apache-arrow";

type ParquetWasm = typeof import("parquet-wasm");

let loading: Promise<ParquetWasm> | undefined;

/**
 * Parquet written by arrow-rs (through parquet-wasm), Snappy-compressed as pandas and pyarrow write it. The
 * Arrow schema travels in the file's metadata, so Arrow readers (pyarrow, Phoenix's pandas) get back the
 * exact types: fixed-size float32 lists, time zones, dictionaries. The module (about 5 MB of WebAssembly,
 * 1.6 MB gzipped) is loaded on the first Parquet export only.
 */
export async function writeParquet(table: Table): Promise<Uint8Array> {
  const wasm = await parquetWasm();
  const properties = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.SNAPPY).build();
  // writeParquet takes (and frees) both the WebAssembly table and the properties.
  return wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(table, "stream")), properties);
}

function parquetWasm(): Promise<ParquetWasm> {
  loading ??= (async () => {
    const module = await import("parquet-wasm");
    // Node resolves the package to its "node" build, which compiles the .wasm from disk as it loads. Elsewhere
    // it is the ESM build, whose default export fetches the .wasm next to it (bundlers emit it as an asset,
    // Vite through its `new URL(…, import.meta.url)`) and must be awaited before any call.
    const init = (module as {default?: unknown}).default;
    if (typeof init === "function") await (init as () => Promise<unknown>)();
    return module;
  })().catch((error: unknown) => {
    loading = undefined; // a failed fetch may succeed on the next export
    throw error;
  });
  return loading;
}
