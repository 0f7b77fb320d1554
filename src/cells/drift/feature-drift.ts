import type {Vector} from "apache-arrow";
import type {Dataset} from "../dataset/dataset.ts";
import {DatasetError} from "../dataset/errors.ts";
import {checkTimeRange} from "../dataset/time-range.ts";
import {datasetRows, isWindow} from "../dataset/window.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {columnKind, discreteValues, numericValues, type ColumnKind} from "../dataset/column-values.ts";
import {assignContinuous, continuousBinning, countBins, discreteBinning} from "./binning.ts";
import {divergence, driftMetric, type DriftMetric} from "./divergence.ts";
import {windowTotals} from "./window-buckets.ts";
import {datasetTimeRange, rowsBetween, windowEnds, type TimeRange} from "./windows.ts";

/** Options of `featureDrift`. Times are epoch ms. */
export interface FeatureDriftOptions {
  /** Columns to compare. Default: the schema's features, then the prediction and actual label and score. */
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
  readonly series?: readonly {timestamp: number; value: number | null; count: number}[];
}

/**
 * Phoenix's feature drift: per column, the reference's bins (deciles for continuous columns, one per value for
 * discrete ones, nulls in their own bin), then PSI, KL or JS between primary and reference with smoothing.
 *
 * @param primary - The production dataset (or a window of it): its rows in the time range are compared.
 * @param reference - The training dataset (or a window of it), whose values define the bins.
 * @param options - The columns, the divergence, the time range and the windows of a time series.
 */
export function featureDrift(
  primary: Dataset,
  reference: Dataset,
  options: FeatureDriftOptions = {}
): FeatureDrift[] {
  checkOptions("px.featureDrift", options, FEATURE_DRIFT_OPTIONS);
  const metric = driftMetric(options.metric ?? "psi");
  const features = options.features ?? defaultFeatures(primary);
  const range =
    options.timeRange === undefined
      ? datasetTimeRange(primary)
      : checkTimeRange("px.featureDrift", options.timeRange, "timeRange");
  const inRange = rowsBetween(primary.timestamps, primary.timeOrder, range.start, range.end);
  // A window (px.window) counts and bins its own rows only; a whole dataset skips the row lists.
  const referenceRows = isWindow(reference) ? datasetRows(reference) : undefined;
  const members = (values: (string | null)[], dataset: Dataset) => {
    if (!isWindow(dataset)) return values;
    const kept = new Array<string | null>(values.length).fill(null);
    for (const row of dataset.timeOrder) kept[row] = values[row]!;
    return kept;
  };
  const windows =
    options.evaluationWindow === undefined
      ? undefined
      : windowsOf(range, options.evaluationWindow, options.samplingInterval);
  return features.map((feature) => {
    const [p, q] = [columnOf(primary, feature), columnOf(reference, feature)];
    const kind = kindOf(primary, feature, p);
    let primaryBins: Int32Array;
    let referenceBins: Int32Array;
    let labels: readonly string[];
    if (kind === "continuous") {
      const referenceValues = numericValues(q);
      const binning = continuousBinning(
        referenceRows ? Float64Array.from(referenceRows, (row) => referenceValues[row]!) : referenceValues
      );
      primaryBins = assignContinuous(binning, numericValues(p));
      referenceBins = assignContinuous(binning, referenceValues);
      labels = binning.labels;
    } else {
      // Values outside a window become null, so that they add no bin; their rows are never counted.
      const binning = discreteBinning(
        members(discreteValues(p), primary),
        members(discreteValues(q), reference)
      );
      [primaryBins, referenceBins, labels] = [binning.codes[0]!, binning.codes[1]!, binning.labels];
    }
    const referenceCounts = countBins(referenceBins, labels.length, referenceRows);
    const primaryCounts = countBins(primaryBins, labels.length, inRange);
    const result: FeatureDrift = {
      feature,
      kind,
      metric,
      value: divergence(metric, primaryCounts, referenceCounts),
      bins: {labels, primary: primaryCounts, reference: referenceCounts}
    };
    if (!windows) return result;
    const numBins = labels.length;
    const {totals, counts} = windowTotals(
      primary.timestamps,
      primary.timeOrder,
      windows,
      numBins,
      (order, from, to, target, offset) => {
        for (let i = from; i < to; ++i) ++target[offset + primaryBins[order[i]!]!]!;
      }
    );
    const series = windows.map(({to}, w) => ({
      timestamp: to,
      value: counts[w]
        ? divergence(metric, totals.subarray(w * numBins, (w + 1) * numBins), referenceCounts)
        : null,
      count: counts[w]!
    }));
    return {...result, series};
  });
}

/** The schema's features, then whichever of prediction/actual label/score the schema has. */
export function defaultFeatures(dataset: Dataset): string[] {
  const {features, predictionLabel, predictionScore, actualLabel, actualScore} = dataset.schema;
  return [
    ...features,
    ...[predictionLabel, predictionScore, actualLabel, actualScore].filter((c): c is string => c !== null)
  ];
}

// Labels are discrete and scores continuous whatever their storage type, as Phoenix guesses.
function kindOf(dataset: Dataset, feature: string, column: Vector): ColumnKind {
  const {predictionLabel, actualLabel, predictionScore, actualScore} = dataset.schema;
  if (feature === predictionLabel || feature === actualLabel) return "discrete";
  if (feature === predictionScore || feature === actualScore) return "continuous";
  const kind = columnKind(column.type);
  if (!kind)
    throw new DatasetError(dataset.source, [
      {column: feature, message: `cannot measure drift of a ${column.type} column`}
    ]);
  return kind;
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
