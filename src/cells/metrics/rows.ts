import type {Dataset} from "../dataset/dataset.ts";
import type {TimeRange} from "../dataset/time-range.ts";
import {datasetRows, isWindow, withinTimeRange} from "../dataset/window.ts";

/** Rows to compute over: a subset (a cluster, a selection) or every row. */
export type RowSelection = ArrayLike<number>;

/**
 * The rows a metric of `fn` reads: the given ones (each checked against the table) or every row of the
 * dataset, in either case only those in the dataset (a window's rows) and in `timeRange`.
 */
export function selectedRows(
  fn: string,
  dataset: Dataset,
  rows: RowSelection | undefined,
  timeRange: TimeRange | undefined
): Int32Array {
  const within = withinTimeRange(fn, dataset, timeRange);
  if (rows === undefined) return datasetRows(within);
  // A string has a length and indices too: its characters would be read as row numbers.
  if (typeof rows !== "object" || rows === null || typeof rows.length !== "number")
    throw new TypeError(
      `${fn}: rows must be an array of row numbers, not ${typeof rows === "object" ? "null" : typeof rows}`
    );
  const numRows = dataset.table.numRows;
  const selected = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; ++i) {
    // Checked before the Int32Array stores it: 2**32 would wrap to 0, 1.9 truncate to 1, NaN become 0.
    const row = rows[i]!;
    if (!(Number.isInteger(row) && row >= 0 && row < numRows))
      throw new RangeError(`${fn}: ${dataset.source}: row ${row} is out of range (0 to ${numRows - 1})`);
    selected[i] = row;
  }
  if (!isWindow(within)) return selected;
  const member = new Uint8Array(numRows);
  for (const row of within.timeOrder) member[row] = 1;
  return selected.filter((row) => member[row] === 1);
}
