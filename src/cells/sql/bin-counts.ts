import type {Field, Vector} from "apache-arrow";
import {discreteValues, type DiscreteKeys} from "../dataset/column-values.ts";
import {isNumeric} from "../dataset/column-types.ts";
import type {ContinuousBinning} from "../drift/binning.ts";
import {groupedSelect, type Grouping} from "./grouping.ts";
import {countAt, numberAt} from "./read.ts";
import {runQuery} from "./run-query.ts";
import type {SqlDataset} from "./sql-dataset.ts";
import {ident, join, sql, type Sql} from "./sql.ts";

/** A column as epoch-ms or plain DOUBLEs, as numericValues reads it in memory. */
export function numberExpression(dataset: SqlDataset, field: Field): Sql {
  const column = ident(field.name);
  return isNumeric(field.type) ? sql`CAST(${column} AS DOUBLE)` : dataset.dialect.epochMs(column);
}

/**
 * A continuous column's bin per row, over "px_x" (its value as a DOUBLE): the number of breaks ≤ the value,
 * as the in-memory binning counts them, the breaks bound as parameters; null, NaN and +Infinity (in no
 * left-closed bin, as in pandas' cut) in the null bin.
 */
export function binExpression(dataset: SqlDataset, binning: ContinuousBinning): Sql {
  const x = sql`"px_x"`;
  const steps = Array.from(binning.breaks, (b) => sql`CASE WHEN ${x} >= ${b} THEN 1 ELSE 0 END`);
  const bin = steps.length ? join(steps, " + ") : sql`0`;
  const missing = sql`${x} IS NULL OR ${dataset.dialect.isNaN(x)} OR ${x} = ${Infinity}`;
  return sql`CASE WHEN ${missing} THEN ${binning.nullBin} ELSE ${bin} END`;
}

/** Rows per group and per bin key: the grouping's keys as numbers, the bin's key as the column gives it. */
export interface KeyCounts {
  /** Per group-and-bin row of the result: the grouping's keys. */
  readonly keys: readonly (readonly number[])[];
  /** The bin keys, one per row: a bin number (continuous) or the value itself (discrete). */
  readonly bins: Vector;
  /** Rows in each. */
  readonly counts: Float64Array;
}

/**
 * Counts of rows per group and per bin, in the database: `key` (over the columns, or over "px_x" = `value`
 * when given) is grouped along with the grouping's keys; one result row per non-empty group and bin.
 */
export async function keyCounts(
  dataset: SqlDataset,
  grouping: Grouping,
  key: Sql,
  value?: Sql
): Promise<KeyCounts> {
  const values: Record<string, Sql> = value ? {px_x: value} : {px_key: key};
  const withBin: Grouping = {
    keys: [...grouping.keys, {name: "px_bin", expression: value ? key : sql`"px_key"`}],
    where: grouping.where
  };
  const table = await runQuery(dataset, groupedSelect(dataset, values, withBin, [sql`count(*) AS "px_n"`]));
  const k = grouping.keys.length;
  const keys = Array.from({length: table.numRows}, (_, row) =>
    Array.from({length: k}, (_, i) => numberAt(table, i, row)!)
  );
  const counts = Float64Array.from({length: table.numRows}, (_, row) => countAt(table, "px_n", row));
  return {keys, bins: table.getChild("px_bin")!, counts};
}

/** Discrete bin keys as text, as the in-memory path keys them (booleans "true"/"false" or "1"/"0", null null). */
export function discreteKeys(bins: Vector, options: DiscreteKeys = {}): (string | null)[] {
  return discreteValues(bins, options);
}
