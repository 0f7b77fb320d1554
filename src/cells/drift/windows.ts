const MINUTE = 60_000;

/** A time range in epoch ms, end exclusive. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

/** Evaluation windows: each point aggregates [t − evaluationWindow, t). */
export interface WindowOptions {
  /** Window length in ms. */
  readonly evaluationWindow: number;
  /** Distance between window ends in ms. */
  readonly samplingInterval: number;
}

/**
 * A dataset's time range as Phoenix defines it: [min timestamp floored to the minute, (max timestamp +
 * 1 minute) floored to the minute).
 */
export function datasetTimeRange(timestamps: Float64Array): TimeRange {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < timestamps.length; ++i) {
    const t = timestamps[i]!;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (min > max) throw new RangeError("a dataset without rows has no time range");
  return {start: Math.floor(min / MINUTE) * MINUTE, end: Math.floor((max + MINUTE) / MINUTE) * MINUTE};
}

/** Window ends t = end, end − interval, end − 2·interval, … while t > start, in ascending order. */
export function windowEnds(range: TimeRange, samplingInterval: number): number[] {
  if (!(samplingInterval > 0))
    throw new RangeError(`samplingInterval must be > 0 ms, not ${samplingInterval}`);
  const ends: number[] = [];
  for (let t = range.end; t > range.start; t -= samplingInterval) ends.push(t);
  return ends.reverse();
}

/**
 * The rows with timestamp in [from, to): a slice of `order` (rows sorted by time), found by binary search.
 */
export function rowsBetween(
  timestamps: Float64Array,
  order: Int32Array,
  from: number,
  to: number
): Int32Array {
  return order.subarray(lowerBound(timestamps, order, from), lowerBound(timestamps, order, to));
}

// The first position in `order` whose timestamp is ≥ t.
function lowerBound(timestamps: Float64Array, order: Int32Array, t: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timestamps[order[mid]!]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
