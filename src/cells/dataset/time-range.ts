import {checkOptions, type OptionKeys} from "../options.ts";
import type {Dataset} from "./dataset.ts";

/**
 * A time range in epoch ms: the rows with start ≤ timestamp < end. The one meaning of every `timeRange`
 * option and of `px.window`.
 */
export interface TimeRange {
  /** Epoch ms, inclusive. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
}

const TIME_RANGE_KEYS: OptionKeys<TimeRange> = {start: true, end: true};

/**
 * Checks a time range given to `fn`: an object {start, end} of finite epoch ms, start ≤ end (equal: an empty
 * range). `path` names it in errors ("timeRange"); without one, the range is `fn`'s options itself.
 */
export function checkTimeRange(fn: string, range: TimeRange, path?: string): TimeRange {
  checkOptions(fn, range, TIME_RANGE_KEYS, path);
  const name = (key: keyof TimeRange) => (path === undefined ? key : `${path}.${key}`);
  for (const key of ["start", "end"] as const) {
    const value: unknown = range[key];
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new TypeError(`${fn}: ${name(key)} must be a finite number of epoch ms, not ${show(value)}`);
  }
  if (range.start > range.end)
    throw new RangeError(`${fn}: ${name("start")} (${range.start}) is after ${name("end")} (${range.end})`);
  return range;
}

/** The dataset's rows in the range, in time order: a view into `dataset.timeOrder`, found by binary search. */
export function rowsInTimeRange(dataset: Dataset, range: TimeRange): Int32Array {
  return rowsBetween(dataset.timestamps, dataset.timeOrder, range.start, range.end);
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

/** The first position in `order` (rows in time order) whose timestamp is ≥ t. */
export function lowerBound(timestamps: Float64Array, order: Int32Array, t: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timestamps[order[mid]!]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
