/** Point indices as a view's value: integers in [0, n), ascending, each once. */
export function normalizeSelection(indices: ArrayLike<number> | null | undefined, n: number): Int32Array {
  if (!indices) return new Int32Array(0);
  const kept = new Int32Array(indices.length);
  let count = 0;
  for (let i = 0; i < indices.length; ++i) {
    const index = indices[i]!;
    if (Number.isInteger(index) && index >= 0 && index < n) kept[count++] = index;
  }
  const sorted = kept.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; ++i)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  return sorted.slice(0, unique);
}

/** Whether two selections hold the same points. */
export function sameSelection(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; ++i) if (a[i] !== b[i]) return false;
  return true;
}

/** `selection` less the points `hidden` marks (1), ascending; `selection` itself when it holds none of them. */
export function withoutHidden(selection: Int32Array, hidden: Uint8Array | undefined): Int32Array {
  if (!hidden || !selection.some((i) => hidden[i])) return selection;
  return selection.filter((i) => !hidden[i]);
}
