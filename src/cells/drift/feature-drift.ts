import {vectorFromArray, type DataType, type Vector} from "apache-arrow";
import {checkNames} from "../dataset/check-dataset.ts";
import type {Dataset} from "../dataset/dataset.ts";
import {DatasetError} from "../dataset/errors.ts";
import {checkTimeRange} from "../dataset/time-range.ts";
import {datasetRows, isWindow} from "../dataset/window.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {sqlFeatureDrift} from "../sql/feature-drift.ts";
import {bothInMemoryOrSql} from "../sql/pair.ts";
import type {SqlDataset} from "../sql/sql-dataset.ts";
import type {ColumnKind} from "../dataset/column-values.ts";
import {
  checkSameKind,
  defaultFeatures,
  featureKind,
  sharedFeatures,
  skipUnbinnable,
  unbinnableSide,
  withWarnings,
  type FeatureColumn
} from "./default-features.ts";
import {countCodes, TimeSpans} from "./bin-counts.ts";
import {continuousBinningInPlace} from "./binning.ts";
import {divergence, driftMetric, type DriftMetric} from "./divergence.ts";
import {continuousCodes, continuousRows, discreteCodes, numbersInto} from "./feature-codes.ts";
import {countedText, type CountedCodes} from "./text-counts.ts";
import {primaryTimeRange, windowEnds, type TimeRange} from "./windows.ts";

export {defaultFeatures} from "./default-features.ts";

/** Options of `featureDrift`. Times are epoch ms. */
export interface FeatureDriftOptions {
  /**
   * Columns to compare. Default: the primary schema's features, then the prediction and actual label and score,
   * of those the reference has (a column the reference lacks has nothing to compare with and is left out).
   */
  readonly features?: readonly string[];
  /** The divergence: "psi", "kl" or "js". Default: "psi". */
  readonly metric?: DriftMetric | string;
  /** The primary rows to compare: start ≤ timestamp < end. Default: the primary's range. */
  readonly timeRange?: TimeRange;
  /** Window length in ms, > 0; with it, each feature gets a time series. Default: none. */
  readonly evaluationWindow?: number;
  /** Distance between window ends in ms, > 0. Default: the evaluation window. */
  readonly samplingInterval?: number;
}

const FEATURE_DRIFT_OPTIONS: OptionKeys<FeatureDriftOptions> = {
  features: true,
  metric: true,
  timeRange: true,
  evaluationWindow: true,
  samplingInterval: true
};

/** One feature's drift, with the bin counts behind it (for charts). */
export interface FeatureDrift {
  /** The column compared. */
  readonly feature: string;
  /** How it was binned: "continuous" (the reference's deciles) or "discrete" (one bin per value). */
  readonly kind: ColumnKind;
  /** The divergence computed. */
  readonly metric: DriftMetric;
  /** The divergence of the primary rows in the time range from the whole reference; NaN when both are empty. */
  readonly value: number;
  /** The bins (nulls in their own): each one's label and its rows of primary (in the range) and reference. */
  readonly bins: {
    readonly labels: readonly string[];
    readonly primary: Float64Array;
    readonly reference: Float64Array;
  };
  /** Per window (when windows are asked): the window end, the divergence (null for an empty window), the rows. */
  readonly series?: readonly {timestamp: number; start: number; value: number | null; count: number}[];
}

/**
 * The features' drifts, in the order of the features, and the schema's features left out as `warnings` (not
 * enumerable): a column whose type drift cannot bin (a list, a struct, a time of day, nulls of no type).
 */
export type FeatureDrifts = FeatureDrift[] & {readonly warnings: readonly string[]};

/**
 * Phoenix's feature drift: per column, the reference's bins (deciles for continuous columns, one per value for
 * discrete ones, nulls in their own bin), then PSI, KL or JS between primary and reference with smoothing.
 *
 * A feature of the schema whose type has no bins (a list, a struct, a time of day, nulls of no type) is left
 * out, and named in the result's `warnings`; one asked for in `features` is a DatasetError naming it.
 *
 * On datasets in a database (px.fromSql), the deciles and the bin counts are computed in SQL, and the result
 * is a promise; discrete bins are then listed in the order of their values.
 *
 * @param primary - The production dataset (or a window of it, or one in a database): its rows in the time
 *   range are compared.
 * @param reference - The training dataset (or a window of it), whose values define the bins.
 * @param options - The columns, the divergence, the time range and the windows of a time series.
 */
export function featureDrift(
  primary: SqlDataset,
  reference: SqlDataset,
  options?: FeatureDriftOptions
): Promise<FeatureDrifts>;
export function featureDrift(
  primary: Dataset,
  reference: Dataset,
  options?: FeatureDriftOptions
): FeatureDrifts;
export function featureDrift(
  primary: Dataset | SqlDataset,
  reference: Dataset | SqlDataset,
  options: FeatureDriftOptions = {}
): FeatureDrifts | Promise<FeatureDrifts> {
  if (options?.samplingInterval !== undefined && options.evaluationWindow === undefined)
    throw new TypeError(
      "px.featureDrift: samplingInterval spaces the windows of a series: give evaluationWindow too"
    );
  checkOptions("px.featureDrift", options, FEATURE_DRIFT_OPTIONS);
  checkNames("px.featureDrift", "features", options.features);
  const pair = bothInMemoryOrSql("px.featureDrift", primary, reference);
  if (pair.sql) return sqlFeatureDrift(pair.primary, pair.reference, options);
  return inMemory(pair.primary, pair.reference, options);
}

function inMemory(primary: Dataset, reference: Dataset, options: FeatureDriftOptions): FeatureDrifts {
  const metric = driftMetric(options.metric ?? "psi");
  const features =
    options.features ?? sharedFeatures(primary, (name) => reference.table.getChild(name) !== null);
  const range =
    options.timeRange === undefined
      ? primaryTimeRange(primary)
      : checkTimeRange("px.featureDrift", options.timeRange, "timeRange");
  // A window (px.window) counts and bins its own rows only; a whole dataset skips the row lists.
  const primaryRows = isWindow(primary) ? datasetRows(primary) : undefined;
  const referenceRows = isWindow(reference) ? datasetRows(reference) : undefined;
  const windows =
    options.evaluationWindow === undefined
      ? []
      : windowsOf(range, options.evaluationWindow, options.samplingInterval);
  const spans = new TimeSpans(primary.timestamps, primary.timeOrder, [
    range.start,
    range.end,
    ...windows.flatMap(({from, to}) => [from, to])
  ]);
  // Each window's edges by index, found once for every feature.
  const windowEdges = Int32Array.from(
    windows.flatMap(({from, to}) => [spans.edgeIndex(from), spans.edgeIndex(to)])
  );
  // Buffers for every feature: fresh large arrays cost page faults, more than the counting itself.
  const scratch: Scratch = {
    primary: new Int32Array(primary.table.numRows),
    reference: new Int32Array(reference.table.numRows),
    values: new Float64Array(reference.table.numRows),
    counts: new Float64Array(spans.edges.length * 64)
  };
  const discrete = (p: Vector, q: Vector): CountedCodes => {
    const scratchCodes = [scratch.primary, scratch.reference] as const;
    const whole = primaryRows === undefined && referenceRows === undefined;
    const counted = whole ? countedText(p, q, spans, scratchCodes, scratch.counts) : null;
    if (counted) return counted;
    const codes = discreteCodes(p, q, [primaryRows, referenceRows], scratchCodes);
    return {...codes, counted: spans.count(codes.primary, codes.numCodes, scratch.counts)};
  };
  const warnings: string[] = [];
  const drifts: FeatureDrift[] = [];
  for (const feature of features) {
    const columns = binnableColumns(primary, reference, feature);
    if ("unbinnable" in columns) {
      skipUnbinnable(feature, columns.unbinnable, options.features !== undefined, warnings);
      continue;
    }
    const {p, q, kind} = columns;
    // Every count of the primary, in the time range or a window, from one pass over its rows in time order.
    const {
      labels,
      numCodes,
      bins,
      reference: referenceCodes,
      counted
    } = kind === "continuous" ? continuous(p, q, referenceRows, scratch, spans) : discrete(p, q);
    const referenceCounts = countCodes(referenceCodes, numCodes, bins, labels.length, referenceRows);
    const primaryCounts = counted.counts(range.start, range.end, bins, labels.length);
    const result: FeatureDrift = {
      feature,
      kind,
      metric,
      value: divergence(metric, primaryCounts, referenceCounts),
      bins: {labels, primary: primaryCounts, reference: referenceCounts}
    };
    if (options.evaluationWindow === undefined) {
      drifts.push(result);
      continue;
    }
    const windowCounts = new Float64Array(labels.length); // read by divergence only, once per window
    const series = windows.map(({from, to}, w) => {
      const [a, b] = [windowEdges[2 * w]!, windowEdges[2 * w + 1]!];
      const count = spans.rowsAt(a, b);
      const counts = count ? counted.countsAt(a, b, bins, labels.length, windowCounts) : null;
      return {
        timestamp: to,
        start: from,
        value: counts && divergence(metric, counts, referenceCounts),
        count
      };
    });
    drifts.push({...result, series});
  }
  return withWarnings(drifts, warnings);
}

interface Scratch {
  readonly primary: Int32Array;
  readonly reference: Int32Array;
  readonly values: Float64Array;
  /** The primary's counts per span edge, of up to 64 codes (TimeSpans.count): one column's at a time. */
  readonly counts: Float64Array;
}

// The reference's deciles (of a window's rows only) bin both columns; the primary's rows in time order, where
// they are consecutive in the table, are binned and counted block by block, without a code per row.
function continuous(
  p: Vector,
  q: Vector,
  referenceRows: Int32Array | undefined,
  scratch: Scratch,
  spans: TimeSpans
): CountedCodes {
  const binning = continuousBinningInPlace(
    scratch.values.subarray(0, numbersInto(q, scratch.values, referenceRows))
  );
  const rows = continuousRows(binning, p);
  const numCodes = binning.labels.length;
  return {
    labels: binning.labels,
    reference: continuousCodes(binning, q, scratch.reference),
    numCodes,
    bins: null,
    counted:
      (rows && spans.countFilled(numCodes, rows, scratch.counts)) ??
      spans.count(continuousCodes(binning, p, scratch.primary), numCodes, scratch.counts)
  };
}

/** A feature's columns on both sides, as binned, and how. */
interface BinnableColumns {
  readonly p: Vector;
  readonly q: Vector;
  readonly kind: ColumnKind;
}

/**
 * The feature's columns and kind, from the primary's column; when that holds no value (a feature gone missing
 * in production, read from a file that cannot say its type), from the reference's: a number column is binned
 * on its deciles, not as one category per value (PSI 1.806 for 6.933). The side without a value then becomes
 * as many nulls of the other's type. Or the side whose column drift cannot bin.
 */
function binnableColumns(
  primary: Dataset,
  reference: Dataset,
  feature: string
): BinnableColumns | {readonly unbinnable: FeatureColumn} {
  const [p, q] = [columnOf(primary, feature), columnOf(reference, feature)];
  const both = p.nullCount < p.length && q.nullCount < q.length;
  const side = (dataset: Dataset, column: Vector, other: Vector) => ({
    source: dataset.source,
    type: column.type,
    hasValues: column.nullCount < column.length,
    kind: featureKind(dataset.schema, feature, column.type, both ? other.type : undefined)
  });
  const [ps, qs] = [side(primary, p, q), side(reference, q, p)];
  const unbinnable = unbinnableSide(ps, qs);
  if (unbinnable) return {unbinnable};
  // A side without a kind has no value (unbinnableSide): the other side's kind is defined.
  const byReference = ps.kind === undefined || (!ps.hasValues && qs.kind !== undefined && qs.hasValues);
  const columns = byReference
    ? {p: nullsOf(p.length, q.type), q, kind: qs.kind!}
    : {p, q: qs.kind === undefined ? nullsOf(q.length, p.type) : q, kind: ps.kind!};
  checkSameKind(feature, {...ps, kind: columns.kind, type: columns.p.type}, qs);
  return columns;
}

function nullsOf(length: number, type: DataType): Vector {
  return vectorFromArray(new Array<null>(length).fill(null), type);
}

function columnOf(dataset: Dataset, feature: string): Vector {
  const column = dataset.table.getChild(feature) as Vector | null;
  if (column) return column;
  const known = defaultFeatures(dataset)
    .map((name) => `"${name}"`)
    .join(", ");
  throw new DatasetError(dataset.source, [
    {message: `unknown feature: "${feature}" (${dataset.name} has ${known || "no features"})`}
  ]);
}

function windowsOf(range: TimeRange, evaluationWindow: number, samplingInterval = evaluationWindow) {
  if (!(evaluationWindow > 0))
    throw new RangeError(`evaluationWindow must be a positive number of ms, not ${evaluationWindow}`);
  return windowEnds(range, samplingInterval).map((t) => ({from: t - evaluationWindow, to: t}));
}
