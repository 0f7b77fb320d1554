import type {TimeRange} from "../dataset/time-range.ts";
import {windowEnds} from "../drift/windows.ts";
import type {SqlDataset} from "./sql-dataset.ts";
import {ident, join, sql, type Sql} from "./sql.ts";

/**
 * Which rows an aggregate reads and how it groups them: all rows, the rows of a time range, or the rows of
 * a series of windows, grouped so that each group lies in a known run of windows (see `windowGrouping`).
 * Expressions read the row's epoch-ms timestamp as "px_t".
 */
export interface Grouping {
  /** Group keys, by name: integer expressions over "px_t". */
  readonly keys: readonly {readonly name: string; readonly expression: Sql}[];
  /** The rows kept: a condition over "px_t"; null for all. */
  readonly where: Sql | null;
}

export const ALL_ROWS: Grouping = {keys: [], where: null};

/** The rows with start ≤ timestamp < end, as one group. */
export function rangeGrouping(range: TimeRange): Grouping {
  return {keys: [], where: sql`"px_t" >= ${range.start} AND "px_t" < ${range.end}`};
}

/** Windows [t − evaluationWindow, t) for t = end, end − interval, … > start (windowEnds), ascending. */
export interface WindowSeries {
  /** The window ends, ascending (epoch ms). */
  readonly ends: readonly number[];
  readonly evaluationWindow: number;
  readonly samplingInterval: number;
}

export function windowSeries(
  range: TimeRange,
  evaluationWindow: number,
  samplingInterval: number
): WindowSeries {
  return {ends: windowEnds(range, samplingInterval), evaluationWindow, samplingInterval};
}

/**
 * Windows overlap, so a row cannot be grouped by its window. With E the last end, W the window and I the
 * interval, the k-th window from the end, [E − kI − W, E − kI), holds a row at t exactly when
 * ceil((E − W − t) / I) ≤ k ≤ ceil((E − t) / I) − 1: grouping by these two integers ("px_a", "px_b") puts
 * every row of a group in the same run of windows, so the windows' sums are sums of group sums. Integer
 * epoch ms make both divisions exact at the edges, as the in-memory comparisons are.
 */
export function windowGrouping(series: WindowSeries): Grouping {
  const {ends, evaluationWindow: w, samplingInterval: i} = series;
  const last = ends.at(-1)!;
  const first = ends[0]! - w;
  return {
    keys: [
      {name: "px_a", expression: sql`CAST(CEIL((${last - w} - "px_t") / ${i}) AS BIGINT)`},
      {name: "px_b", expression: sql`CAST(CEIL((${last} - "px_t") / ${i}) AS BIGINT)`}
    ],
    where: sql`"px_t" >= ${first} AND "px_t" < ${last}`
  };
}

/** The windows (indices into the ascending ends) that hold a group's rows: [from, to], empty when from > to. */
export function windowsOfGroup(series: WindowSeries, a: number, b: number): {from: number; to: number} {
  const k = series.ends.length;
  return {from: k - 1 - Math.min(b - 1, k - 1), to: k - 1 - Math.max(a, 0)};
}

/**
 * SELECT keys, aggregates over the dataset's rows: `values` are expressions over its columns, named for the
 * aggregates to read (with "px_t", the timestamp); the grouping filters and groups them. Nested selects keep
 * each expression written once, so a parameter is never repeated in a GROUP BY.
 */
export function groupedSelect(
  dataset: SqlDataset,
  values: Readonly<Record<string, Sql>>,
  grouping: Grouping,
  aggregates: readonly Sql[],
  where: Sql | null = null
): Sql {
  const columns = join(
    [
      sql`${dataset.time} AS "px_t"`,
      ...Object.entries(values).map(([name, e]) => sql`${e} AS ${ident(name)}`)
    ],
    ", "
  );
  const keyed = join(
    [sql`"px_timed".*`, ...grouping.keys.map(({name, expression}) => sql`${expression} AS ${ident(name)}`)],
    ", "
  );
  const conditions = [grouping.where, where].filter((c): c is Sql => c !== null);
  const filter = conditions.length ? sql` WHERE ${join(conditions, " AND ")}` : sql``;
  const names = grouping.keys.map(({name}) => ident(name));
  const groupBy = names.length ? sql` GROUP BY ${join(names, ", ")}` : sql``;
  return sql`SELECT ${join([...names, ...aggregates], ", ")} FROM (SELECT ${keyed} FROM (SELECT ${columns} FROM ${dataset.relation}) AS "px_timed"${filter}) AS "px_keyed"${groupBy}`;
}
