import {selectNumberPositions} from "./bucket-select.ts";

/**
 * The p-quantile of ascending `sorted` values by linear interpolation between closest ranks (NumPy's default,
 * `method="linear"`, which Phoenix's pandas quantiles use): position h = (n − 1)·p. `interpolate` is lerp
 * (data quality's) unless given.
 */
export function quantileSorted(sorted: Float64Array, p: number, interpolate = lerp): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const {lo, hi, t} = quantileRanks(n, p);
  return interpolate(sorted[lo]!, sorted[hi]!, t);
}

/**
 * The two order statistics (0-based) the p-quantile of n values reads, and the weight of the upper one, as
 * NumPy's linear method (`np.quantile`, which Phoenix's `np.nanquantile` is) has them: index (n − 1)·p.
 */
export function quantileRanks(n: number, p: number): {lo: number; hi: number; t: number} {
  const h = (n - 1) * p;
  const lo = Math.min(Math.max(Math.floor(h), 0), n - 1);
  return {lo, hi: Math.min(lo + 1, n - 1), t: h - Math.floor(h)};
}

/**
 * NumPy's interpolation between a and b (`_lerp`), to the last bit and in its arithmetic of infinities:
 * a + (b − a)·t below t = 0.5, b − (b − a)·(1 − t) from it. Always a + (b − a)·t differed from NumPy in the
 * last bit for about half of all arrays, enough to put a value that sits on a decile break in the
 * neighbouring bin. With an infinity it is NaN wherever NumPy's is: ∞ − ∞ between two equal infinities,
 * ∞·0 at t = 0 next to one, and ∞ − ∞ from t = 0.5 on between a finite a and b = ∞. Phoenix drops those
 * quantiles from its breaks.
 */
export function numpyLerp(a: number, b: number, t: number): number {
  const difference = b - a;
  // + 0: a zero comes out unsigned, whichever of −0 and +0 (equal to a sort) the order statistics are.
  return (t >= 0.5 ? b - difference * (1 - t) : a + difference * t) + 0;
}

/**
 * numpyLerp, except that an infinite a at t = 0 is itself: data quality's min and max read the quantiles at 0
 * and 1 (NumPy's NaN there made SQL data quality's min NaN for a column holding −Infinity).
 */
export function lerp(a: number, b: number, t: number): number {
  return t === 0 && !Number.isFinite(a) ? a : numpyLerp(a, b, t);
}

/** The values of `values` other than NaN (a null), infinities included, sorted ascending. */
export function sortedNumbers(values: Float64Array): Float64Array {
  return values.filter((v) => v === v).sort();
}

/**
 * The p-quantiles of the values of `values` other than NaN, infinities included, as np.nanquantile gives them
 * (quantileSorted(sortedNumbers(values), p, numpyLerp); none without a value), without sorting: the order
 * statistics they read are selected (quickselect), in O(n · log(quantiles)) rather than O(n log n).
 */
export function quantilesOfNumbers(values: Float64Array, ps: readonly number[]): number[] {
  return quantilesInPlace(Float64Array.from(values), ps);
}

/** quantilesOfNumbers that overwrites `values` (its own copy, or a scratch buffer) rather than copying it. */
export function quantilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  let n = 0;
  for (let i = 0; i < values.length; ++i) if (values[i] === values[i]) values[n++] = values[i]!;
  const partial = values.subarray(0, n);
  if (n === 0) return [];
  const positions = new Set<number>();
  for (const p of ps) {
    const {lo, hi} = quantileRanks(n, p);
    positions.add(lo).add(hi);
  }
  selectNumberPositions(partial, Int32Array.from(positions).sort());
  return ps.map((p) => quantileSorted(partial, p, numpyLerp));
}

/**
 * Puts at each of the ascending `positions` of `values` the value an ascending sort would put there (up to
 * the sign of a zero: −0 and +0 compare equal, and a quantile, s[lo] + (h − lo)·(s[hi] − s[lo]), is the
 * same with either); other positions end in no particular order. Quickselect with
 * Hoare partitions around a median of three, into the parts that hold a position; small parts, or parts
 * after too many partitions (a pivot sequence gone bad), are sorted.
 */
export function selectPositions(values: Float64Array, positions: Int32Array): void {
  const stack = [0, values.length - 1, 0, positions.length, 0];
  const maxDepth = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  while (stack.length) {
    const depth = stack.pop()!;
    const pTo = stack.pop()!;
    const pFrom = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (pFrom >= pTo) continue;
    if (hi - lo < 16 || depth > maxDepth) {
      values.subarray(lo, hi + 1).sort();
      continue;
    }
    const pivot = medianOf3(values[lo]!, values[(lo + hi) >> 1]!, values[hi]!);
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do ++i;
      while (values[i]! < pivot);
      do --j;
      while (values[j]! > pivot);
      if (i >= j) break;
      const t = values[i]!;
      values[i] = values[j]!;
      values[j] = t;
    }
    // Now [lo, j] ≤ pivot ≤ [j + 1, hi].
    let split = pFrom;
    while (split < pTo && positions[split]! <= j) ++split;
    stack.push(lo, j, pFrom, split, depth + 1, j + 1, hi, split, pTo, depth + 1);
  }
}

function medianOf3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
