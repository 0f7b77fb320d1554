import {integer, sql, type Sql} from "./sql.ts";

/**
 * The few places where SQL engines spell the same thing differently; everything else the pushdown writes is
 * standard SQL (SELECT, WHERE, GROUP BY, CASE, CEIL, CAST, count/sum/min/max, row_number() OVER). The README
 * lists the spellings of Trino, Spark SQL and BigQuery next to DuckDB's.
 */
export interface SqlDialect {
  /** The engine's name, for errors. */
  readonly name: string;
  /** Element `index` (1-based) of a list or array value. */
  element(vector: Sql, index: number): Sql;
  /** The number of elements of a list or array value. */
  length(vector: Sql): Sql;
  /** A date or timestamp as epoch milliseconds, a DOUBLE (sub-millisecond digits kept). */
  epochMs(value: Sql): Sql;
  /** Whether a DOUBLE is NaN (null stays null). */
  isNaN(value: Sql): Sql;
  /** Whether a DOUBLE is neither NaN nor ±Infinity. */
  isFinite(value: Sql): Sql;
  /** A seeded uniform sample of up to `rows` rows of `select`, the same rows for the same seed and data. */
  sample(select: Sql, rows: number, seed: number): Sql;
}

/** DuckDB (in Node and in the page): lists index from 1, `USING SAMPLE reservoir … REPEATABLE` samples. */
export const duckdb: SqlDialect = {
  name: "duckdb",
  element: (vector, index) => sql`${vector}[${integer(index)}]`,
  length: (vector) => sql`len(${vector})`,
  epochMs: (value) => sql`(epoch_us(${value}) / 1000.0)`,
  isNaN: (value) => sql`isnan(${value})`,
  isFinite: (value) => sql`isfinite(${value})`,
  // DuckDB takes neither the size nor the seed as a parameter: both are integers checked by `integer`.
  sample: (select, rows, seed) =>
    sql`SELECT * FROM (${select}) AS "px_sampled" USING SAMPLE reservoir(${integer(rows)} ROWS) REPEATABLE (${integer(seed)})`
};
