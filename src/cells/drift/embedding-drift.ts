import type {Dataset} from "../dataset/dataset.ts";
import {embeddingPair} from "../dataset/pair.ts";
import {checkTimeRange} from "../dataset/time-range.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {sqlEmbeddingDrift} from "../sql/embedding-drift.ts";
import {bothInMemoryOrSql} from "../sql/pair.ts";
import type {SqlDataset} from "../sql/sql-dataset.ts";
import {centroid, euclidean, vectorMask, withVectors} from "./centroids.ts";
import {windowSums} from "./row-sums.ts";
import {windowBuckets} from "./window-buckets.ts";
import {primaryTimeRange, rowsBetween, windowEnds, type TimeRange} from "./windows.ts";

/** Options of `embeddingDrift`. Times are epoch ms. */
export interface EmbeddingDriftOptions {
  /** The embedding feature's name. */
  readonly embedding: string;
  /** The primary rows to compare: start ≤ timestamp < end. Default: the primary's range (see datasetTimeRange). */
  readonly timeRange?: TimeRange;
  /** Window length in ms, > 0; asks for a time series. Default: none (a single value). */
  readonly evaluationWindow?: number;
  /** Distance between window ends in ms, > 0. Default: the evaluation window. */
  readonly samplingInterval?: number;
}

const EMBEDDING_DRIFT_OPTIONS: OptionKeys<EmbeddingDriftOptions> = {
  embedding: true,
  timeRange: true,
  evaluationWindow: true,
  samplingInterval: true
};

/** Embedding drift of the primary rows in the time range, or of each window; null where a window is empty. */
export interface DriftPoint {
  /** The window's end (epoch ms), exclusive. */
  readonly timestamp: number;
  /** The window's start (epoch ms), inclusive: `timestamp − evaluationWindow`, the rows this drift measures. */
  readonly start: number;
  /** Euclidean distance between the primary centroid and the reference centroid; null without primary vectors. */
  readonly value: number | null;
  /** Primary vectors that went into the centroid. */
  readonly count: number;
}

/**
 * Phoenix's embedding drift: the Euclidean distance between the mean of the primary vectors (in the time range
 * or each window) and the mean of all reference vectors, on the raw vectors; rows without a vector skipped.
 *
 * On datasets in a database (px.fromSql), the centroids come from element-wise sums grouped in SQL, and
 * the result is a promise.
 *
 * @param primary - The production dataset (or a window of it, or one in a database): the rows compared.
 * @param reference - The training dataset: the mean of all its vectors is the baseline.
 * @param options - The embedding feature, the time range and, for a time series, the windows.
 */
export function embeddingDrift(
  primary: SqlDataset,
  reference: SqlDataset,
  options: EmbeddingDriftOptions & {evaluationWindow: number}
): Promise<{
  /** A point per window [end − evaluationWindow, end), by ascending end; the last ends at the range's end. */
  series: DriftPoint[];
}>;
export function embeddingDrift(
  primary: SqlDataset,
  reference: SqlDataset,
  options: EmbeddingDriftOptions
): Promise<{
  /** The distance; null without primary vectors in the time range or without reference vectors. */
  value: number | null;
  /** Primary vectors in the time range. */
  count: number;
}>;
export function embeddingDrift(
  primary: Dataset,
  reference: Dataset,
  options: EmbeddingDriftOptions & {evaluationWindow: number}
): {
  /** A point per window [end − evaluationWindow, end), by ascending end; the last ends at the range's end. */
  series: DriftPoint[];
};
export function embeddingDrift(
  primary: Dataset,
  reference: Dataset,
  options: EmbeddingDriftOptions
): {
  /** The distance; null without primary vectors in the time range or without reference vectors. */
  value: number | null;
  /** Primary vectors in the time range. */
  count: number;
};
export function embeddingDrift(
  primary: Dataset | SqlDataset,
  reference: Dataset | SqlDataset,
  options: EmbeddingDriftOptions
):
  | {value: number | null; count: number}
  | {series: DriftPoint[]}
  | Promise<{value: number | null; count: number} | {series: DriftPoint[]}> {
  if (options?.samplingInterval !== undefined && options.evaluationWindow === undefined)
    throw new TypeError(
      "px.embeddingDrift: samplingInterval spaces the windows of a series: give evaluationWindow too"
    );
  checkOptions("px.embeddingDrift", options, EMBEDDING_DRIFT_OPTIONS);
  const pair = bothInMemoryOrSql("px.embeddingDrift", primary, reference);
  if (pair.sql) return sqlEmbeddingDrift(pair.primary, pair.reference, options);
  return inMemory(pair.primary, pair.reference, options);
}

function inMemory(
  primary: Dataset,
  reference: Dataset,
  options: EmbeddingDriftOptions
): {value: number | null; count: number} | {series: DriftPoint[]} {
  const [vectors, referenceVectors] = embeddingPair(primary, reference, options.embedding);
  const target = centroid(referenceVectors, vectorMask(referenceVectors, reference.table.numRows)).mean;
  // Without reference vectors there is no centroid to measure from: every value is null, as Phoenix gives none.
  const measurable = referenceVectors.rows.length > 0;
  const distance = (mean: Float64Array) => (measurable ? euclidean(mean, target) : null);
  const mask = vectorMask(vectors, primary.table.numRows);
  const range =
    options.timeRange === undefined
      ? primaryTimeRange(primary)
      : checkTimeRange("px.embeddingDrift", options.timeRange, "timeRange");
  if (options.evaluationWindow === undefined) {
    const rows = rowsBetween(primary.timestamps, primary.timeOrder, range.start, range.end);
    const {mean, count} = centroid(vectors, mask, rows);
    return {value: count ? distance(mean) : null, count};
  }
  const window = positive("evaluationWindow", options.evaluationWindow);
  const ends = windowEnds(range, positive("samplingInterval", options.samplingInterval ?? window));
  const {dim} = vectors;
  const windows = ends.map((t) => ({from: t - window, to: t}));
  const rows = withVectors(primary.timeOrder, mask);
  const {starts, bounds} = windowBuckets(primary.timestamps, rows, windows);
  const series: DriftPoint[] = [];
  const mean = new Float64Array(dim);
  windowSums(vectors.vectors, dim, rows, starts, bounds, (w, sums) => {
    const [timestamp, count] = [ends[w]!, starts[bounds[2 * w + 1]!]! - starts[bounds[2 * w]!]!];
    if (count > 0) for (let j = 0; j < dim; ++j) mean[j] = sums[j]! / count;
    series.push({timestamp, start: timestamp - window, value: count > 0 ? distance(mean) : null, count});
  });
  return {series};
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a positive number of ms, not ${value}`);
  return value;
}
