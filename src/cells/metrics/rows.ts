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
  const selected = Int32Array.from(rows);
  const numRows = dataset.table.numRows;
  for (const row of selected) {
    if (!(row >= 0 && row < numRows))
      throw new RangeError(`${dataset.source}: row ${row} is out of range (0 to ${numRows - 1})`);
  }
  if (!isWindow(within)) return selected;
  const member = new Uint8Array(numRows);
  for (const row of within.timeOrder) member[row] = 1;
  return selected.filter((row) => member[row] === 1);
}
