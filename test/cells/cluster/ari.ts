/**
 * The adjusted Rand index of two labellings of the same points (Hubert & Arabie 1985): 1 for the same
 * partition whatever the label values, about 0 for chance agreement. Every label value, −1 included, is a
 * group of its own, as scikit-learn's adjusted_rand_score counts them.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`labellings differ in length: ${a.length} and ${b.length}`);
  const pairs = (count: number) => (count * (count - 1)) / 2;
  const cells = new Map<string, number>();
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  for (let i = 0; i < a.length; ++i) {
    const key = `${a[i]} ${b[i]}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    columns.set(b[i]!, (columns.get(b[i]!) ?? 0) + 1);
  }
  const sum = (counts: Map<unknown, number>) =>
    [...counts.values()].reduce((total, count) => total + pairs(count), 0);
  const index = sum(cells);
  const rowPairs = sum(rows);
  const columnPairs = sum(columns);
  const expected = (rowPairs * columnPairs) / pairs(a.length);
  const max = (rowPairs + columnPairs) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
