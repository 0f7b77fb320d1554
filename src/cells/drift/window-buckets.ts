import {rowsBetween} from "./windows.ts";

/** Per-window totals of a per-row quantity of `width` components (a vector, or bin counts). */
export interface WindowTotals {
  /** windows.length × width, row-major. */
  readonly totals: Float64Array;
  /** Rows counted per window. */
  readonly counts: Float64Array;
}

/**
 * Totals over possibly overlapping windows [from, to) in one pass over the rows: the window edges cut time into
 * elementary buckets, each row is added to its bucket once, and each window sums its buckets. With a 72-hour
 * window sampled hourly that is one pass over the data instead of 72.
 */
export function windowTotals(
  timestamps: Float64Array,
  order: Int32Array,
  windows: readonly {from: number; to: number}[],
  width: number,
  add: (row: number, target: Float64Array, offset: number) => void,
  /** Rows to leave out (and not count), e.g. rows without a vector. Default: none. */
  include?: (row: number) => boolean
): WindowTotals {
  const edges = [...new Set(windows.flatMap((w) => [w.from, w.to]))].sort((a, b) => a - b);
  const numBuckets = Math.max(edges.length - 1, 0);
  const bucketTotals = new Float64Array(numBuckets * width);
  const bucketCounts = new Float64Array(numBuckets);
  if (numBuckets > 0) {
    const rows = rowsBetween(timestamps, order, edges[0]!, edges.at(-1)!);
    let bucket = 0;
    for (let i = 0; i < rows.length; ++i) {
      const row = rows[i]!;
      const t = timestamps[row]!;
      while (t >= edges[bucket + 1]!) ++bucket;
      if (include && !include(row)) continue;
      ++bucketCounts[bucket]!;
      add(row, bucketTotals, bucket * width);
    }
  }
  const index = new Map(edges.map((edge, i) => [edge, i]));
  const totals = new Float64Array(windows.length * width);
  const counts = new Float64Array(windows.length);
  windows.forEach(({from, to}, w) => {
    for (let b = index.get(from)!; b < index.get(to)!; ++b) {
      counts[w]! += bucketCounts[b]!;
      for (let j = 0; j < width; ++j) totals[w * width + j]! += bucketTotals[b * width + j]!;
    }
  });
  return {totals, counts};
}
