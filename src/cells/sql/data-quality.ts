import {DatasetError} from "../dataset/errors.ts";
import {checkTimeRange} from "../dataset/time-range.ts";
import {defaultFeatures} from "../drift/default-features.ts";
import {columnKind} from "../dataset/column-values.ts";
import type {ColumnQuality, DataQualityOptions, EmbeddingQuality} from "../metrics/data-quality.ts";
import {numberExpression} from "./bin-counts.ts";
import {vectorSums} from "./centroid-sums.ts";
import {ALL_ROWS, groupedSelect, rangeGrouping, type Grouping} from "./grouping.ts";
import {exactQuantiles} from "./quantiles.ts";
import {countAt, numberAt} from "./read.ts";
import {runQuery} from "./run-query.ts";
import type {SqlDataset} from "./sql-dataset.ts";
import {ident, sql} from "./sql.ts";

const PERCENTILES = [0, 0.01, 0.25, 0.5, 0.75, 0.99, 1];

/**
 * px.dataQuality on a dataset in a database: counts, distinct values and sums per column, exact percentiles
 * (order statistics, see exactQuantiles) and each embedding's mean vector, computed in SQL.
 */
export async function sqlDataQuality(
  dataset: SqlDataset,
  options: DataQualityOptions
): Promise<{columns: ColumnQuality[]; embeddings: EmbeddingQuality[]}> {
  if (options.rows !== undefined)
    throw new TypeError(
      "px.dataQuality: rows has no meaning for a dataset in a database (its rows have no numbers): filter them in the query"
    );
  const grouping =
    options.timeRange === undefined
      ? ALL_ROWS
      : rangeGrouping(checkTimeRange("px.dataQuality", options.timeRange, "timeRange"));
  const columns: ColumnQuality[] = [];
  for (const name of options.features ?? defaultFeatures(dataset))
    columns.push(await columnQuality(dataset, name, grouping));
  const embeddings: EmbeddingQuality[] = [];
  for (const [name, embedding] of Object.entries(dataset.embeddings)) {
    const [group] = embedding.dim ? await vectorSums(dataset, embedding, grouping) : [];
    embeddings.push({
      embedding: name,
      count: group?.count ?? 0,
      mean: group ? group.sums.map((sum) => sum / group.count) : new Float64Array(embedding.dim)
    });
  }
  return {columns, embeddings};
}

async function columnQuality(dataset: SqlDataset, name: string, grouping: Grouping): Promise<ColumnQuality> {
  const field = dataset.fields.find((f) => f.name === name);
  if (!field) throw new DatasetError(dataset.source, [{message: `unknown column: "${name}"`}]);
  const numeric = columnKind(field.type) === "continuous";
  const x = sql`"px_x"`;
  const present = sql`CASE WHEN ${dataset.dialect.isNaN(x)} THEN NULL ELSE ${x} END`;
  const counts = await runQuery(
    dataset,
    groupedSelect(
      dataset,
      {px_c: ident(name), ...(numeric ? {px_x: numberExpression(dataset, field)} : {})},
      grouping,
      [
        sql`count(*) AS "px_n"`,
        // A number column's NaN is missing, as in memory (discreteValues): neither present nor a distinct value.
        numeric ? sql`count(${present}) AS "px_present"` : sql`count("px_c") AS "px_present"`,
        numeric
          ? sql`count(DISTINCT ${present}) AS "px_distinct"`
          : sql`count(DISTINCT "px_c") AS "px_distinct"`,
        ...(numeric ? [sql`count(${present}) AS "px_numbers"`, sql`sum(${present}) AS "px_sum"`] : [])
      ]
    )
  );
  const count = countAt(counts, "px_n", 0);
  const base = {
    column: name,
    count,
    percentEmpty: count ? (100 * (count - countAt(counts, "px_present", 0))) / count : null,
    cardinality: countAt(counts, "px_distinct", 0)
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
  if (!numeric || countAt(counts, "px_numbers", 0) === 0) return {...base, ...empty};
  const sum = numberAt(counts, "px_sum", 0)!;
  const numbers = countAt(counts, "px_numbers", 0);
  const {quantiles: q} = await exactQuantiles(
    dataset,
    numberExpression(dataset, field),
    grouping,
    (value) => sql`NOT ${dataset.dialect.isNaN(value)}`,
    PERCENTILES
  );
  return {
    ...base,
    mean: sum / numbers,
    sum,
    min: q[0]!,
    max: q[6]!,
    p01: q[1]!,
    p25: q[2]!,
    p50: q[3]!,
    p75: q[4]!,
    p99: q[5]!
  };
}
