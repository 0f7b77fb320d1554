import {lerp, quantileRanks} from "../drift/quantile.ts";
import {groupedSelect, type Grouping} from "./grouping.ts";
import {countAt, numberAt} from "./read.ts";
import {runQuery} from "./run-query.ts";
import type {SqlDataset} from "./sql-dataset.ts";
import {join, sql, type Sql} from "./sql.ts";

/**
 * Exact p-quantiles (linear interpolation between closest ranks, NumPy's default) of a numeric expression
 * over the rows of `grouping` (no keys) where `keep` holds: engines' own percentile functions round the
 * interpolation differently (DuckDB: 1.2000000000000002 where NumPy gives 1.2) or only approximate it
 * (Trino), and a break one ulp off moves values between bins. So the database ranks the values and returns
 * only the two order statistics each quantile reads; the interpolation is quantileSorted's, here.
 *
 * @param grouping - The rows: all, or a time range (one group).
 * @param value - The expression, over the dataset's columns.
 * @param keep - A condition over "px_x" (the value): which values count (all but NaN, for both callers).
 * @param interpolate - Between the two order statistics: lerp (data quality), or numpyLerp (feature drift's
 *   breaks, NaN where NumPy's are).
 * @returns The quantiles, with the number of values and the smallest and largest; empty without values.
 */
export async function exactQuantiles(
  dataset: SqlDataset,
  value: Sql,
  grouping: Grouping,
  keep: (x: Sql) => Sql,
  ps: readonly number[],
  interpolate = lerp
): Promise<{quantiles: number[]; n: number}> {
  if (grouping.keys.length) throw new Error("exactQuantiles: one group only");
  const x = sql`"px_x"`;
  const where = sql`${x} IS NOT NULL AND ${keep(x)}`;
  const counted = await runQuery(
    dataset,
    groupedSelect(dataset, {px_x: value}, grouping, [sql`count(*) AS "px_n"`], where)
  );
  const n = countAt(counted, "px_n", 0);
  if (n === 0) return {quantiles: [], n};
  const positions = new Set<number>();
  for (const p of ps) {
    const {lo, hi} = quantileRanks(n, p);
    positions.add(lo).add(hi);
  }
  const ranks = [...positions].map((position) => sql`${position + 1}`);
  // The values kept, ranked (ties in any order: equal values read the same).
  const kept = groupedSelect(dataset, {px_x: value}, grouping, [x], where);
  const ranked = sql`SELECT "px_r", "px_x" FROM (SELECT "px_x", row_number() OVER (ORDER BY "px_x") AS "px_r" FROM (${kept}) AS "px_kept") AS "px_ranked" WHERE "px_r" IN (${join(ranks, ", ")})`;
  const table = await runQuery(dataset, ranked);
  const sorted = new Map<number, number>();
  for (let row = 0; row < table.numRows; ++row)
    sorted.set(numberAt(table, "px_r", row)! - 1, numberAt(table, "px_x", row)!);
  const quantiles = ps.map((p) => {
    const {lo, hi, t} = quantileRanks(n, p);
    return interpolate(sorted.get(lo)!, sorted.get(hi)!, t);
  });
  return {quantiles, n};
}
