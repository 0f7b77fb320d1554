import type {Table} from "apache-arrow";

/** A cell of a result as a number (bigints, dates converted); null for null. */
export function numberAt(table: Table, column: string | number, row: number): number | null {
  const vector = typeof column === "number" ? table.getChildAt(column) : table.getChild(column);
  if (!vector) throw new Error(`the database's result has no column ${JSON.stringify(column)}`);
  const value: unknown = vector.get(row);
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  return Number(value);
}

/** numberAt where null means zero (a sum or count over no rows). */
export function countAt(table: Table, column: string | number, row: number): number {
  return numberAt(table, column, row) ?? 0;
}
