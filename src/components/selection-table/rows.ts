import type {SelectionTableData, TableSelection} from "./types.ts";

/** The listed rows, parallel typed arrays in the selection's order (a SimilarRows' rank order is kept). */
export interface TableRows {
  /** Per listed row: 0 primary, 1 reference. */
  readonly dataset: Uint8Array;
  /** Per listed row: the row in its dataset's table. */
  readonly row: Int32Array;
  /** Per listed row: its point in the projection, −1 when not projected. */
  readonly point: Int32Array;
  /** Per listed row: px.similar's distance; null when the selection has none. */
  readonly distance: Float64Array | null;
}

const isRowsPick = (selection: TableSelection): selection is Exclude<TableSelection, ArrayLike<number>> =>
  typeof (selection as ArrayLike<number>).length !== "number";

/**
 * The rows a selection names, checked against the data: point indices outside the projection and rows
 * outside their table throw, naming the value.
 *
 * @param data - The projection whose points and datasets the selection names.
 * @param selection - Point indices, or rows by dataset (a SimilarRows keeps its rank order and distances).
 */
export function resolveRows(data: SelectionTableData, selection: TableSelection): TableRows {
  if (!isRowsPick(selection)) {
    const n = data.dataset.length;
    const point = Int32Array.from(selection, (p) => {
      if (!(Number.isInteger(p) && p >= 0 && p < n))
        throw new RangeError(`selectionTable: point ${p} is outside the projection's 0…${n - 1}`);
      return p;
    });
    const dataset = Uint8Array.from(point, (p) => data.dataset[p]!);
    return {dataset, row: Int32Array.from(point, (p) => data.row[p]!), point, distance: null};
  }
  const ranked = selection.dataset && selection.row;
  const dataset = ranked
    ? Uint8Array.from(selection.dataset!)
    : Uint8Array.from([
        ...Array.from(selection.primary ?? [], () => 0),
        ...Array.from(selection.reference ?? [], () => 1)
      ]);
  const row = ranked
    ? Int32Array.from(selection.row!)
    : Int32Array.from([...Array.from(selection.primary ?? []), ...Array.from(selection.reference ?? [])]);
  for (let i = 0; i < row.length; ++i) {
    const numRows = data.datasets[dataset[i]!]?.table.numRows ?? 0;
    if (!(Number.isInteger(row[i]) && row[i]! >= 0 && row[i]! < numRows))
      throw new RangeError(
        `selectionTable: ${dataset[i] ? "reference" : "primary"} row ${row[i]} is outside 0…${numRows - 1}`
      );
  }
  const distance = ranked && selection.distance?.length === row.length ? selection.distance : null;
  return {dataset, row, point: pointsOf(data, dataset, row), distance};
}

// Each listed row's point: one pass over the projection fills a per-row lookup, no per-row objects.
function pointsOf(data: SelectionTableData, dataset: Uint8Array, row: Int32Array): Int32Array {
  const lookup = data.datasets.map((d) => new Int32Array(d.table.numRows).fill(-1));
  for (let p = data.dataset.length - 1; p >= 0; --p) {
    const of = lookup[data.dataset[p]!];
    if (of && data.row[p]! < of.length) of[data.row[p]!] = p;
  }
  return Int32Array.from(row, (r, i) => lookup[dataset[i]!]![r]!);
}
