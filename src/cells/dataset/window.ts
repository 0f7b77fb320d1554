import {checkDataset} from "./check-dataset.ts";
import type {Dataset, EmbeddingVectors} from "./dataset.ts";
import {withSummary} from "./from-table.ts";
import {checkTimeRange, rowsInTimeRange, type TimeRange} from "./time-range.ts";

/**
 * `px.window(dataset, {start, end})`: the dataset over its rows with start ≤ timestamp < end, for any px
 * function. Nothing is copied: the table, timestamps, ids and vectors are the dataset's, rows keep their
 * numbers (so exports and selections name the same rows), and only the row lists shrink: `timeOrder` is a
 * view of the dataset's, each embedding's `rows` keeps those in the window, and `numRows` counts them.
 *
 * @param dataset - A dataset, or a window of one.
 * @param range - The rows to keep: start ≤ timestamp < end, finite epoch ms, start ≤ end (equal: none).
 */
export function timeWindow(dataset: Dataset, range: TimeRange): Dataset {
  checkDataset("px.window", "dataset", dataset);
  if (range === undefined || range === null)
    throw new TypeError("px.window: range must be {start, end} in epoch ms, not " + String(range));
  return windowOf(dataset, checkTimeRange("px.window", range));
}

/** The dataset within an optional `timeRange` option of `fn`: the dataset itself without one. */
export function withinTimeRange(fn: string, dataset: Dataset, timeRange: TimeRange | undefined): Dataset {
  return timeRange === undefined ? dataset : windowOf(dataset, checkTimeRange(fn, timeRange, "timeRange"));
}

/** Whether a dataset holds fewer rows than its table: a window (px.window). */
export function isWindow(dataset: Dataset): boolean {
  return dataset.numRows !== dataset.table.numRows;
}

/** The dataset's rows in ascending order: every row of its table, or a window's rows. */
export function datasetRows(dataset: Dataset): Int32Array {
  if (!isWindow(dataset)) return Int32Array.from({length: dataset.numRows}, (_, i) => i);
  return Int32Array.from(dataset.timeOrder).sort();
}

function windowOf(dataset: Dataset, range: TimeRange): Dataset {
  const timeOrder = rowsInTimeRange(dataset, range);
  const inWindow = new Uint8Array(dataset.table.numRows);
  for (const row of timeOrder) inWindow[row] = 1;
  const embeddings: Record<string, EmbeddingVectors> = {};
  for (const [name, embedding] of Object.entries(dataset.embeddings))
    embeddings[name] = {...embedding, rows: embedding.rows.filter((row) => inWindow[row] === 1)};
  return withSummary({...dataset, numRows: timeOrder.length, timeOrder, embeddings});
}
