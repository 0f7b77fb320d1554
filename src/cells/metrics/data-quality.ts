import {checkDataset, checkNames} from "../dataset/check-dataset.ts";
import type {Vector} from "apache-arrow";
import type {Dataset} from "../dataset/dataset.ts";
import {columnKind, discreteValues, numericValues} from "../dataset/column-values.ts";
import {DatasetError} from "../dataset/errors.ts";
import type {TimeRange} from "../dataset/time-range.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {defaultFeatures} from "../drift/default-features.ts";
import {sqlDataQuality} from "../sql/data-quality.ts";
import {isSqlDataset, type SqlDataset} from "../sql/sql-dataset.ts";
import {quantileSorted} from "../drift/quantile.ts";
import {selectedRows, type RowSelection} from "./rows.ts";

/** Options of `dataQuality`. */
export interface DataQualityOptions {
  /** Columns to describe. Default: the features, then the prediction and actual label and score. */
  readonly features?: readonly string[];
  /** Rows to describe (a cluster, a selection). Default: every row. */
  readonly rows?: RowSelection;
  /** Only the rows with start ≤ timestamp < end, epoch ms (of `rows` when given). Default: all. */
  readonly timeRange?: TimeRange;
}

const DATA_QUALITY_OPTIONS: OptionKeys<DataQualityOptions> = {
  features: true,
  rows: true,
  timeRange: true
};

/** Data quality of one column; the numeric statistics are null for a column that is not numeric. */
export interface ColumnQuality {
  /** The column's name. */
  readonly column: string;
  /** Rows, nulls included. */
  readonly count: number;
  /** Share of null values, in percent (0–100); null without rows. */
  readonly percentEmpty: number | null;
  /** Distinct non-null values. */
  readonly cardinality: number;
  /** Mean of the non-null values; null for a column that is not numeric or holds none. */
  readonly mean: number | null;
  /** Sum of the non-null values. */
  readonly sum: number | null;
  /** Smallest non-null value. */
  readonly min: number | null;
  /** Largest non-null value. */
  readonly max: number | null;
  /** Percentiles by linear interpolation, nulls skipped: the 1st. */
  readonly p01: number | null;
  /** The 25th percentile. */
  readonly p25: number | null;
  /** The median. */
  readonly p50: number | null;
  /** The 75th percentile. */
  readonly p75: number | null;
  /** The 99th percentile. */
  readonly p99: number | null;
}

/** Data quality of one embedding feature. */
export interface EmbeddingQuality {
  /** The embedding feature's name. */
  readonly embedding: string;
  /** Rows with a vector. */
  readonly count: number;
  /** The mean vector over rows with a vector (zeros when there are none). */
  readonly mean: Float64Array;
}

/**
 * Phoenix's data quality metrics per column and per embedding, over all rows or the given ones.
 *
 * On a dataset in a database (px.fromSql) they are computed in SQL and the result is a promise; `rows`
 * is refused there (its rows have no numbers).
 *
 * @param dataset - The dataset, or a window of it, or one in a database.
 * @param options - The columns, the rows and the time range.
 */
export function dataQuality(
  dataset: SqlDataset,
  options?: DataQualityOptions
): Promise<{
  /** One per column, in the order of `features`. */
  columns: ColumnQuality[];
  /** One per embedding feature of the dataset. */
  embeddings: EmbeddingQuality[];
}>;
export function dataQuality(
  dataset: Dataset,
  options?: DataQualityOptions
): {
  /** One per column, in the order of `features`. */
  columns: ColumnQuality[];
  /** One per embedding feature of the dataset. */
  embeddings: EmbeddingQuality[];
};
export function dataQuality(
  dataset: Dataset | SqlDataset,
  options: DataQualityOptions = {}
):
  | {columns: ColumnQuality[]; embeddings: EmbeddingQuality[]}
  | Promise<{columns: ColumnQuality[]; embeddings: EmbeddingQuality[]}> {
  checkOptions("px.dataQuality", options, DATA_QUALITY_OPTIONS);
  checkNames("px.dataQuality", "features", options.features);
  if (isSqlDataset(dataset)) return sqlDataQuality(dataset, options);
  checkDataset("px.dataQuality", "dataset", dataset);
  const rows = selectedRows("px.dataQuality", dataset, options.rows, options.timeRange);
  const columns = (options.features ?? defaultFeatures(dataset)).map((name) =>
    columnQuality(dataset, name, rows)
  );
  const embeddings = Object.values(dataset.embeddings).map(
    ({name, dim, vectors, rows: present}): EmbeddingQuality => {
      const has = new Uint8Array(dataset.table.numRows);
      for (const row of present) has[row] = 1;
      const mean = new Float64Array(dim);
      let count = 0;
      for (const row of rows) {
        if (!has[row]) continue;
        ++count;
        for (let j = 0; j < dim; ++j) mean[j]! += vectors[row * dim + j]!;
      }
      if (count) for (let j = 0; j < dim; ++j) mean[j]! /= count;
      return {embedding: name, count, mean};
    }
  );
  return {columns, embeddings};
}

export function columnQuality(dataset: Dataset, name: string, rows: Int32Array): ColumnQuality {
  const column = dataset.table.getChild(name) as Vector | null;
  if (!column) throw new DatasetError(dataset.source, [{message: `unknown column: "${name}"`}]);
  const keys = discreteValues(column);
  const distinct = new Set<string>();
  let nulls = 0;
  for (const row of rows) {
    const key = keys[row]!;
    if (key === null) ++nulls;
    else distinct.add(key);
  }
  const count = rows.length;
  const base = {
    column: name,
    count,
    percentEmpty: count ? (100 * nulls) / count : null,
    cardinality: distinct.size
  };
  const empty = {
    mean: null,
    sum: null,
    min: null,
    max: null,
    p01: null,
    p25: null,
    p50: null,
    p75: null,
    p99: null
  };
  if (columnKind(column.type) !== "continuous") return {...base, ...empty};
  const all = numericValues(column);
  const values = Float64Array.from(rows, (row) => all[row]!)
    .filter((value) => !Number.isNaN(value))
    .sort();
  if (values.length === 0) return {...base, ...empty};
  let sum = 0;
  for (const value of values) sum += value;
  const q = (p: number) => quantileSorted(values, p);
  return {
    ...base,
    mean: sum / values.length,
    sum,
    min: values[0]!,
    max: values[values.length - 1]!,
    p01: q(0.01),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p99: q(0.99)
  };
}
