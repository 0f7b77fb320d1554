import {checkDataset} from "../dataset/check-dataset.ts";
import type {Dataset} from "../dataset/dataset.ts";
import {isSqlDataset, type SqlDataset} from "./sql-dataset.ts";

/** A primary and a reference both in memory, or both in a database (each may be in its own). */
export type DatasetPair =
  | {readonly sql: false; readonly primary: Dataset; readonly reference: Dataset}
  | {readonly sql: true; readonly primary: SqlDataset; readonly reference: SqlDataset};

/** Tells which path `fn` takes; one dataset in memory and one in a database is an error naming both. */
export function bothInMemoryOrSql(
  fn: string,
  primary: Dataset | SqlDataset,
  reference: Dataset | SqlDataset
): DatasetPair {
  const [a, b] = [isSqlDataset(primary), isSqlDataset(reference)];
  if (!a) checkDataset(fn, "primary", primary);
  if (!b) checkDataset(fn, "reference", reference);
  if (a && b) return {sql: true, primary: primary as SqlDataset, reference: reference as SqlDataset};
  if (!a && !b) return {sql: false, primary: primary as Dataset, reference: reference as Dataset};
  const where = (inDatabase: boolean) => (inDatabase ? "in a database (px.fromSql)" : "in memory (px.load)");
  throw new TypeError(
    `${fn}: the primary is ${where(a)} but the reference is ${where(b)}; open both the same way`
  );
}
