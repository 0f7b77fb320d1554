/** Rows to compute over: a subset (a cluster, a selection) or every row. */
export type RowSelection = ArrayLike<number>;

/** The selected rows as an Int32Array, checked against the dataset's size; all rows when none are given. */
export function selectedRows(numRows: number, rows: RowSelection | undefined, source: string): Int32Array {
  if (rows === undefined) return Int32Array.from({length: numRows}, (_, i) => i);
  const selected = Int32Array.from(rows);
  for (const row of selected) {
    if (!(row >= 0 && row < numRows))
      throw new RangeError(`${source}: row ${row} is out of range (0 to ${numRows - 1})`);
  }
  return selected;
}
