import type {Vector} from "apache-arrow";
import {columnKind} from "../dataset/column-values.ts";
import type {Dataset} from "../dataset/dataset.ts";
import {DatasetError} from "../dataset/errors.ts";
import {columnQuality, type ColumnQuality} from "./data-quality.ts";
import {performance} from "./performance.ts";

/** A statistic of a column, from the data quality metrics. */
export type ColumnStat = Exclude<keyof ColumnQuality, "column">;

/** A value computed over some rows of a dataset: model accuracy, or a statistic of a column. */
export type RowsMetric = "accuracy" | {readonly column: string; readonly stat: ColumnStat};

const numericStats = new Set<ColumnStat>(["mean", "sum", "min", "max", "p01", "p25", "p50", "p75", "p99"]);
const allStats = new Set<string>([...numericStats, "count", "percentEmpty", "cardinality"]);

/** Checks a metric against a dataset before any row is read; the error names the column and the statistic. */
export function checkMetric(dataset: Dataset, metric: RowsMetric): void {
  if (metric === "accuracy") return;
  if (typeof metric !== "object" || metric === null)
    throw new RangeError(
      `unknown metric: ${JSON.stringify(metric)} (expected "accuracy" or {column, stat} with stat ${[...allStats].join(", ")})`
    );
  if (!allStats.has(metric.stat)) {
    throw new RangeError(`unknown statistic: "${metric.stat}" (expected ${[...allStats].join(", ")})`);
  }
  const column = dataset.table.getChild(metric.column) as Vector | null;
  if (!column) throw new DatasetError(dataset.source, [{message: `unknown column: "${metric.column}"`}]);
  if (numericStats.has(metric.stat) && columnKind(column.type) !== "continuous") {
    throw new DatasetError(dataset.source, [
      {column: metric.column, message: `is not numeric (${column.type}): cannot compute its ${metric.stat}`}
    ]);
  }
}

/** The metric over the given rows; null where it is undefined (no rows, no labels). */
export function metricOf(dataset: Dataset, metric: RowsMetric, rows: Int32Array): number | null {
  if (metric === "accuracy") return performance(dataset, {rows}).accuracy;
  return columnQuality(dataset, metric.column, rows)[metric.stat];
}

export function describeMetric(metric: RowsMetric): string {
  return metric === "accuracy" ? "accuracy" : `${metric.stat} of ${metric.column}`;
}
