/** How many offending rows a problem keeps: enough to find them, few enough to read. */
export const MAX_PROBLEM_ROWS = 5;

/** The first rows (0-based) for which `predicate` holds, at most `limit`. */
export function rowsWhere(
  numRows: number,
  predicate: (row: number) => boolean,
  limit = MAX_PROBLEM_ROWS
): number[] {
  const rows: number[] = [];
  for (let i = 0; i < numRows && rows.length < limit; ++i) if (predicate(i)) rows.push(i);
  return rows;
}
