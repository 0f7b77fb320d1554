import type {Dataset} from "../dataset/dataset.ts";
import type {TimeRange} from "../dataset/time-range.ts";

export type {TimeRange} from "../dataset/time-range.ts";
export {rowsBetween} from "../dataset/time-range.ts";

const MINUTE = 60_000;

/** Evaluation windows: each point aggregates [t − evaluationWindow, t). */
export interface WindowOptions {
  /** Window length in ms. */
  readonly evaluationWindow: number;
  /** Distance between window ends in ms. */
  readonly samplingInterval: number;
}

/**
 * A dataset's time range as Phoenix defines it: [min timestamp floored to the minute, (max timestamp +
 * 1 minute) floored to the minute). Of a dataset, over its own rows (a window's only); or of timestamps.
 *
 * @param of - A dataset with rows, or timestamps in epoch ms (at least one).
 */
export function datasetTimeRange(of: Dataset | Float64Array): TimeRange {
  let min = Infinity;
  let max = -Infinity;
  if (of instanceof Float64Array) {
    for (let i = 0; i < of.length; ++i) {
      const t = of[i]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
  } else if (of.timeOrder.length) {
    [min, max] = [of.timestamps[of.timeOrder[0]!]!, of.timestamps[of.timeOrder.at(-1)!]!];
  }
  if (min > max) throw new RangeError("a dataset without rows has no time range");
  return {start: Math.floor(min / MINUTE) * MINUTE, end: Math.floor((max + MINUTE) / MINUTE) * MINUTE};
}

/**
 * The time range a drift measures when none is given: the primary's, or, for a primary without rows (an empty
 * px.window), an empty one, in which a single comparison still has a value (PHOENIX.md) and a series no window.
 */
export function primaryTimeRange(primary: Dataset): TimeRange {
  return primary.timeOrder.length ? datasetTimeRange(primary) : {start: 0, end: 0};
}

/**
 * The most windows a series may have. Past it a call would spend minutes and gigabytes on points no chart
 * can show (and a step below the timestamps' float spacing would never end): typically timestamps in mixed
 * units, or a sampling interval in the wrong unit.
 */
export const MAX_WINDOWS = 100_000;

/** Window ends t = end, end − interval, end − 2·interval, … while t > start, in ascending order. */
export function windowEnds(range: TimeRange, samplingInterval: number): number[] {
  if (!(samplingInterval > 0))
    throw new RangeError(`samplingInterval must be > 0 ms, not ${samplingInterval}`);
  const count = Math.ceil((range.end - range.start) / samplingInterval);
  if (!(count <= MAX_WINDOWS))
    throw new RangeError(
      `samplingInterval ${samplingInterval} ms over ${instant(range.start)} – ${instant(range.end)} makes ${count} windows, more than ${MAX_WINDOWS}: ` +
        "sample less often, narrow timeRange, or check the timestamps' unit"
    );
  const ends: number[] = [];
  for (let t = range.end; t > range.start; t -= samplingInterval) ends.push(t);
  return ends.reverse();
}

function instant(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? `${ms} ms` : date.toISOString();
}
