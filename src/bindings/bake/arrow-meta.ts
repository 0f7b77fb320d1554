// What the px codecs share: a table with JSON metadata, and finding the datasets a baked value refers to among
// the cell's inputs (a projection holds its datasets, which the bake does not copy).
import {tableFromArrays, tableFromIPC, tableToIPC, type Table} from "apache-arrow";
import type {Dataset} from "../../index.ts";

const META = "phoenix-notebook.bake";

/** The columns as an Arrow IPC file whose schema carries `meta` as JSON. */
export function encodeTable(columns: Record<string, ArrayLike<number>>, meta: unknown): Uint8Array {
  const table = tableFromArrays(columns as Parameters<typeof tableFromArrays>[0]);
  return withMeta(table, meta);
}

/** `table` as an Arrow IPC file whose schema carries `meta` as JSON. */
export function withMeta(table: Table, meta: unknown): Uint8Array {
  table.schema.metadata.set(META, JSON.stringify(meta));
  return tableToIPC(table, "file");
}

/** The table and its JSON metadata back from `bytes`. */
export function decodeTable<M>(bytes: Uint8Array, codec: string): {table: Table; meta: M} {
  const table = tableFromIPC(bytes);
  const text = table.schema.metadata.get(META);
  if (text === undefined) throw new Error(`a ${codec} bake without its metadata`);
  return {table, meta: JSON.parse(text) as M};
}

/** How a bake names a dataset it refers to. */
export interface DatasetRef {
  readonly name: string;
  readonly source: string;
  readonly numRows: number;
}

export const refOf = ({name, source, numRows}: Dataset): DatasetRef => ({name, source, numRows});

/**
 * The dataset among the cell's inputs (or in an array or plain object among them) that `ref` names; throws
 * when there is none, so that the cell computes live.
 */
export function findDataset(inputs: ReadonlyMap<string, unknown>, ref: DatasetRef): Dataset {
  const candidates = [...inputs.values()].flatMap((value) =>
    Array.isArray(value) ? value : isPlain(value) ? [value, ...Object.values(value)] : [value]
  );
  const found = candidates.find(
    (value): value is Dataset =>
      isDataset(value) &&
      value.name === ref.name &&
      value.source === ref.source &&
      value.numRows === ref.numRows
  );
  if (!found) throw new Error(`no input holds the dataset ${ref.name} (${ref.source})`);
  return found;
}

export function isDataset(value: unknown): value is Dataset {
  if (typeof value !== "object" || value === null) return false;
  const dataset = value as Partial<Dataset>;
  return typeof dataset.name === "string" && dataset.timestamps instanceof Float64Array && !!dataset.table;
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
