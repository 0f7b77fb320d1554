import type {Vector} from "apache-arrow";
import type {Dataset} from "../dataset/dataset.ts";
import {booleansAsNumbers, discreteValues, numericValues} from "../dataset/column-values.ts";
import type {TimeRange} from "../dataset/time-range.ts";
import {checkDataset} from "../dataset/check-dataset.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {selectedRows, type RowSelection} from "./rows.ts";

/** Precision, recall and F1 of one class. */
export interface ClassScores {
  /** The class, as text. */
  readonly label: string;
  /** Null where undefined: the class was never predicted. */
  readonly precision: number | null;
  /** Null where undefined: the class never occurs among the actual labels. */
  readonly recall: number | null;
  /** 2·TP / (2·TP + FP + FN): defined for every class present, 0 when either precision or recall is 0 or undefined. */
  readonly f1: number;
  /** Rows whose actual label is this class. */
  readonly support: number;
}

/** Model performance over the rows scored: classification scores and regression errors. */
export interface Performance {
  /** Rows that had both a prediction and an actual label (the rest are dropped, as Phoenix does). */
  readonly count: number;
  /** Share of those rows whose prediction equals the actual label; null without such rows. */
  readonly accuracy: number | null;
  /** Per class, in label order. */
  readonly classes: readonly ClassScores[];
  /**
   * Unweighted means over every class, an undefined precision or recall counting as 0 (scikit-learn's
   * `average="macro", zero_division=0`): a class that appears only among the actual labels pulls all three down.
   */
  readonly macro: {
    readonly precision: number | null;
    readonly recall: number | null;
    readonly f1: number | null;
  };
  /** For numeric predictions (scores, or numeric labels): errors over rows with both values; null otherwise. */
  readonly regression: {
    readonly count: number;
    readonly mae: number;
    readonly rmse: number;
    /** Mean absolute percentage error, in percent (50 is 50 %), over rows whose actual is not 0; null without one. */
    readonly mape: number | null;
  } | null;
}

/** Options of `performance`. */
export interface PerformanceOptions {
  /** Rows to score (a cluster, a selection). Default: every row. */
  readonly rows?: RowSelection;
  /** Only the rows with start ≤ timestamp < end, epoch ms (of `rows` when given). Default: all. */
  readonly timeRange?: TimeRange;
}

const PERFORMANCE_OPTIONS: OptionKeys<PerformanceOptions> = {rows: true, timeRange: true};

/**
 * Model performance on a dataset, a cluster or a selection: classification scores and regression errors.
 *
 * @param dataset - The dataset (or a window of it), whose schema names the predicted and actual columns.
 * @param options - The rows and the time range.
 */
export function performance(dataset: Dataset, options: PerformanceOptions = {}): Performance {
  checkDataset("px.performance", "dataset", dataset);
  checkOptions("px.performance", options, PERFORMANCE_OPTIONS);
  const rows = selectedRows("px.performance", dataset, options.rows, options.timeRange);
  const {predictionLabel, actualLabel, predictionScore, actualScore} = dataset.schema;
  const column = (name: string | null) =>
    name === null ? null : (dataset.table.getChild(name) as Vector | null);
  const predicted = column(predictionLabel);
  const actual = column(actualLabel);
  const classification = predicted && actual ? classify(...classKeys(predicted, actual), rows) : null;
  const [scoreP, scoreA] = [column(predictionScore), column(actualScore)];
  const numeric = scoreP && scoreA ? [scoreP, scoreA] : predicted && actual ? [predicted, actual] : null;
  return {
    count: classification?.count ?? 0,
    accuracy: classification?.accuracy ?? null,
    classes: classification?.classes ?? [],
    macro: classification?.macro ?? {precision: null, recall: null, f1: null},
    regression: numeric ? regression(numericValues(numeric[0]!), numericValues(numeric[1]!), rows) : null
  };
}

// The labels as classes: a boolean label against a number label keys true and false as 1 and 0 (True == 1).
function classKeys(predicted: Vector, actual: Vector): [(string | null)[], (string | null)[]] {
  const keys = {booleansAsNumbers: booleansAsNumbers(predicted.type, actual.type)};
  return [discreteValues(predicted, keys), discreteValues(actual, keys)];
}

function classify(predicted: (string | null)[], actual: (string | null)[], rows: Int32Array) {
  const labels = new Set<string>();
  const truePositives = new Map<string, number>();
  const predictedCounts = new Map<string, number>();
  const actualCounts = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let count = 0;
  let correct = 0;
  for (const row of rows) {
    const p = predicted[row]!;
    const a = actual[row]!;
    if (p === null || a === null) continue;
    ++count;
    labels.add(p).add(a);
    add(predictedCounts, p);
    add(actualCounts, a);
    if (p === a) {
      ++correct;
      add(truePositives, p);
    }
  }
  const classes = [...labels].sort().map((label): ClassScores => {
    const tp = truePositives.get(label) ?? 0;
    const nPredicted = predictedCounts.get(label) ?? 0;
    const support = actualCounts.get(label) ?? 0;
    const precision = nPredicted ? tp / nPredicted : null;
    const recall = support ? tp / support : null;
    // Every class here was predicted or occurred, so the denominator (nPredicted + support) is positive.
    const f1 = (2 * tp) / (nPredicted + support);
    return {label, precision, recall, f1, support};
  });
  // One rule for all three means (scikit-learn's zero_division=0), so that F1 cannot skip a class that
  // precision and recall count.
  const mean = (key: "precision" | "recall" | "f1") =>
    classes.length ? classes.reduce((sum, c) => sum + (c[key] ?? 0), 0) / classes.length : null;
  return {
    count,
    accuracy: count ? correct / count : null,
    classes,
    macro: {precision: mean("precision"), recall: mean("recall"), f1: mean("f1")}
  };
}

// MAPE skips rows whose actual value is 0, where the percentage is undefined.
function regression(predicted: Float64Array, actual: Float64Array, rows: Int32Array) {
  let count = 0;
  let absolute = 0;
  let squared = 0;
  let percent = 0;
  let percentCount = 0;
  for (const row of rows) {
    const p = predicted[row]!;
    const a = actual[row]!;
    if (Number.isNaN(p) || Number.isNaN(a)) continue;
    ++count;
    absolute += Math.abs(p - a);
    squared += (p - a) ** 2;
    if (a !== 0) {
      percent += Math.abs((p - a) / a);
      ++percentCount;
    }
  }
  if (count === 0) return null;
  return {
    count,
    mae: absolute / count,
    rmse: Math.sqrt(squared / count),
    mape: percentCount ? (100 * percent) / percentCount : null
  };
}
