/**
 * The p-quantile of ascending `sorted` values by linear interpolation between closest ranks (NumPy's default,
 * `method="linear"`, which Phoenix's pandas quantiles use): position h = (n − 1)·p.
 */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The finite values of `values` (NaN marks a null), sorted ascending. */
export function sortedFinite(values: Float64Array): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; ++i) if (Number.isFinite(values[i]!)) ++count;
  const out = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; ++i) if (Number.isFinite(values[i]!)) out[j++] = values[i]!;
  return out.sort();
}
