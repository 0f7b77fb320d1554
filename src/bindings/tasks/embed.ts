// Worker task of `px.embed`: the input columns arrive as Arrow IPC (never the whole dataset), the vectors go
// back as one transferable Float32Array, and the main thread attaches them to the dataset.
import {tableFromIPC} from "apache-arrow";
import {embed, embeddingName, fromTable, type EmbeddingColumns, type EmbedOptions} from "../../index.ts";
import type {TaskContext} from "../../runtime/worker/types.ts";

export interface EmbedArgs {
  /** The input columns as an Arrow IPC stream. */
  readonly ipc: Uint8Array;
  readonly source: string;
  readonly options: EmbedOptions;
}

export interface EmbeddedColumn {
  readonly dim: number;
  readonly vectors: Float32Array;
  readonly rows: Int32Array;
  readonly warnings: readonly string[];
  /** The embedding's columns besides the vector (raw data, link to data). */
  readonly columns: Omit<EmbeddingColumns, "vector">;
}

export async function embedColumns(
  {ipc, source, options}: EmbedArgs,
  {progress, signal}: TaskContext
): Promise<EmbeddedColumn> {
  const dataset = fromTable(tableFromIPC(ipc), source, {loadTime: 0});
  const result = await embed(dataset, options, {
    progress: (fraction, stage) => progress(fraction, stage),
    signal
  });
  const name = embeddingName(options);
  const {dim, vectors, rows} = result.embeddings[name]!;
  const {vector: _, ...columns} = result.schema.embeddings[name]!;
  return {dim, vectors, rows, warnings: result.warnings.slice(dataset.warnings.length), columns};
}
