/** What a method computes: n × dim vectors (zeros where a row has none), the rows that have one, warnings. */
export interface MethodResult {
  /** Vector length. */
  readonly dim: number;
  /** Row-major n × dim, n = the dataset's row count. */
  readonly vectors: Float32Array;
  /** The rows that have a vector, ascending. */
  readonly rows: Int32Array;
  /** What the method had to say about the input (rows without input, images it could not decode, …). */
  readonly warnings: readonly string[];
}

/** The indices where `has` is set, ascending. */
export function presentRows(has: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < has.length; ++i) count += has[i]!;
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < has.length; ++i) if (has[i]) rows[k++] = i;
  return rows;
}

/** A warning that names the column, how many rows and the first of them. */
export function rowsWarning(column: string, rows: readonly number[], count: number, what: string): string {
  const shown = rows.slice(0, 5).join(", ");
  const more = count > 5 ? ", …" : "";
  return `column "${column}": ${count} ${what} (${count === 1 ? "row" : "rows"} ${shown}${more})`;
}
