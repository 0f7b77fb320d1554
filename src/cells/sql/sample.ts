import type {Dataset} from "../dataset/dataset.ts";
import {fromTable} from "../dataset/from-table.ts";
import type {ResolvedProjectOptions} from "../project/projection.ts";
import {runQuery} from "./run-query.ts";
import {isSqlDataset, type SqlDataset} from "./sql-dataset.ts";
import {ident, sql} from "./sql.ts";

/** px.project's input in a database: the primary, or [primary, reference] (a null or undefined one: none). */
export type SqlProjectionInput = SqlDataset | readonly [SqlDataset, (SqlDataset | null | undefined)?];

/**
 * Whether px.project's input is in a database (its sample is then drawn in SQL).
 *
 * @param input - px.project's first argument.
 */
export function isSqlProjectionInput(input: unknown): input is SqlProjectionInput {
  return isSqlDataset(Array.isArray(input) ? (input as unknown[])[0] : input);
}

// The samples drawn, per dataset and per what chooses them, so that a layout-only change (minDist, epochs)
// finds the same in-memory datasets, and with them the cached kNN graph.
const drawn = new WeakMap<SqlDataset, Map<string, Promise<Dataset>>>();

/**
 * Phoenix's sample for the point cloud, drawn in the database: per dataset up to `samples` rows that have a
 * vector (the primary's within the time range), seeded, so that only those rows are read. Each sample comes
 * back as an in-memory dataset (its rows numbered 0, 1, …) for px.project to lay out; the same options and
 * data give the same rows.
 *
 * @param input - The primary in a database, or [primary, reference] (a null or undefined reference: none).
 * @param options - The resolved options (resolveProjectOptions): embedding, samples, seed and timeRange choose
 *   the rows.
 */
export function sampleFromSql(
  input: SqlProjectionInput,
  options: ResolvedProjectOptions
): Promise<Dataset[]> {
  const datasets = (Array.isArray(input) ? input : [input]).filter((d): d is SqlDataset => isSqlDataset(d));
  if (Array.isArray(input) && input[1] && !isSqlDataset(input[1]))
    throw new TypeError(
      "px.project: the primary is in a database (px.fromSql) but the reference is in memory"
    );
  return Promise.all(
    datasets.map((dataset, d) => sampleOf(dataset, d === 0 ? options : {...options, timeRange: undefined}))
  );
}

function sampleOf(dataset: SqlDataset, options: ResolvedProjectOptions): Promise<Dataset> {
  const {embedding: name, samples, seed, timeRange} = options;
  const key = JSON.stringify([name, samples, seed, timeRange ?? null]);
  let byKey = drawn.get(dataset);
  if (!byKey) drawn.set(dataset, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const promise = draw(dataset, options);
  byKey.set(key, promise);
  promise.catch(() => byKey.delete(key)); // a failed draw is tried again next time
  return promise;
}

async function draw(dataset: SqlDataset, options: ResolvedProjectOptions): Promise<Dataset> {
  const embedding = dataset.embeddings[options.embedding];
  if (!embedding) {
    const known = Object.keys(dataset.embeddings).map((k) => `"${k}"`);
    throw new RangeError(
      `px.project: unknown embedding "${options.embedding}" in ${dataset.source} (${known.join(", ") || "none"})`
    );
  }
  const range = options.timeRange;
  const inRange = range
    ? sql` AND ${dataset.time} >= ${range.start} AND ${dataset.time} < ${range.end}`
    : sql``;
  const rows = sql`SELECT * FROM ${dataset.relation} WHERE ${ident(embedding.column)} IS NOT NULL${inRange}`;
  // REPEATABLE takes a non-negative integer: the seed's integer part, as an unsigned 32-bit number.
  const table = await runQuery(
    dataset,
    dataset.dialect.sample(rows, options.samples, Math.trunc(options.seed) >>> 0)
  );
  return fromTable(table, `${dataset.source} (a sample of ${table.numRows} rows)`, {
    schema: dataset.spec,
    name: dataset.name,
    loadTime: dataset.loadTime
  });
}
