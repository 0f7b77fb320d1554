import {DatasetError} from "../dataset/errors.ts";
import {groupedSelect, type Grouping} from "./grouping.ts";
import {countAt, numberAt} from "./read.ts";
import {runQuery} from "./run-query.ts";
import type {SqlDataset, SqlEmbedding} from "./sql-dataset.ts";
import {ident, sql} from "./sql.ts";

/** One group's vector sums: the element-wise sum of its vectors and how many there were. */
export interface VectorSums {
  /** The group's key values (per key of the grouping), as numbers. */
  readonly keys: readonly number[];
  /** Vectors summed (rows without a vector skipped). */
  readonly count: number;
  /** Element-wise sums, one per dimension. */
  readonly sums: Float64Array;
}

/**
 * Per group, the sums of each vector element, computed in the database: `sum(v[1]), …, sum(v[dim])` with a
 * count, so that what comes back is one row of dim numbers per group, however many rows there are.
 */
export async function vectorSums(
  dataset: SqlDataset,
  embedding: SqlEmbedding,
  grouping: Grouping
): Promise<VectorSums[]> {
  const {dim} = embedding;
  const {dialect} = dataset;
  const v = sql`"px_v"`;
  const aggregates = [
    sql`count(*) AS "px_n"`,
    sql`min(${dialect.length(v)}) AS "px_min_dim"`,
    sql`max(${dialect.length(v)}) AS "px_max_dim"`,
    ...Array.from({length: dim}, (_, j) => sql`sum(${dialect.element(v, j + 1)}) AS ${ident(`px_s${j}`)}`)
  ];
  const statement = groupedSelect(
    dataset,
    {px_v: ident(embedding.column)},
    grouping,
    aggregates,
    sql`"px_v" IS NOT NULL`
  );
  const table = await runQuery(dataset, statement);
  const groups: VectorSums[] = [];
  const keyCount = grouping.keys.length;
  for (let row = 0; row < table.numRows; ++row) {
    const count = countAt(table, "px_n", row);
    if (count === 0) continue;
    const [low, high] = [numberAt(table, "px_min_dim", row), numberAt(table, "px_max_dim", row)];
    if (low !== dim || high !== dim) {
      throw new DatasetError(dataset.source, [
        {
          column: embedding.column,
          message: `vectors of different lengths: ${dim} and ${low === dim ? high : low}`
        }
      ]);
    }
    const sums = new Float64Array(dim);
    for (let j = 0; j < dim; ++j) sums[j] = countAt(table, keyCount + 3 + j, row);
    const keys = Array.from({length: keyCount}, (_, k) => numberAt(table, k, row)!);
    groups.push({keys, count, sums});
  }
  return groups;
}
