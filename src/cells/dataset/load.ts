import {checkOptions, type OptionKeys} from "../options.ts";
import type {Dataset} from "./dataset.ts";
import {readTable, type ReadTableOptions, type TableSource} from "./formats/index.ts";
import {fromTable, type DatasetOptions} from "./from-table.ts";
import {normalizeSchemaSpec} from "./normalize-schema.ts";

/** Options of `load`: the dataset's schema and name, and how to read the source. */
export interface LoadOptions extends DatasetOptions {
  /** The file format. Default: from the extension, else from the file's first bytes. */
  readonly format?: ReadTableOptions["format"];
  /** Stops reading when aborted. */
  readonly signal?: AbortSignal;
}

const LOAD_OPTIONS: OptionKeys<LoadOptions> = {
  schema: true,
  name: true,
  loadTime: true,
  format: true,
  signal: true
};

/**
 * Loads a Phoenix dataset from a file path (Node), a URL, a FileAttachment, a File or Blob, an Arrow table or
 * an array of row objects, in Parquet, Arrow IPC, CSV/TSV, JSON or JSONL. Throws a DatasetError listing every
 * problem, each with the file, column and first rows.
 *
 * @param source - A file path (Node), a URL, a FileAttachment, a File or Blob, an Arrow table or an array of
 *   row objects.
 * @param options - The schema, the dataset's name and the file format.
 */
export async function load(source: TableSource, options: LoadOptions = {}): Promise<Dataset> {
  checkOptions("px.load", options, LOAD_OPTIONS);
  const {format, signal, ...datasetOptions} = options;
  const spec = normalizeSchemaSpec(options.schema);
  const embeddings = [...Object.values(spec.embeddings ?? {}), spec.prompt, spec.response];
  const vectorColumns = embeddings.flatMap((columns) => (columns ? [columns.vector] : []));
  const {table, source: name} = await readTable(source, {
    vectorColumns,
    ...(format ? {format} : {}),
    ...(signal ? {signal} : {})
  });
  return fromTable(table, name, {...datasetOptions, schema: spec});
}
