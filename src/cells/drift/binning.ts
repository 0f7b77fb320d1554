import {quantileSorted, sortedFinite} from "./quantile.ts";

/** How a column's values fall into bins; the last bin holds nulls and values that are not numbers. */
export interface Binning {
  /** A label per bin, the null bin last ("null"). */
  readonly labels: readonly string[];
  /** The index of the null bin (= labels.length − 1). */
  readonly nullBin: number;
}

export interface ContinuousBinning extends Binning {
  readonly kind: "continuous";
  /** Ascending breakpoints b1 < … < bk: bins (−∞, b1), [b1, b2), …, [bk, +∞), then the null bin. */
  readonly breaks: Float64Array;
}

export interface DiscreteBinning extends Binning {
  readonly kind: "discrete";
}

const DECILES = Array.from({length: 11}, (_, i) => i / 10);

/**
 * Phoenix's bins for a continuous column: the reference's deciles (0, 0.1, …, 1, linear interpolation, nulls
 * ignored), deduplicated; when more than two remain the first and last are dropped, so the outer bins are
 * open-ended. The bins come from the whole reference and apply to every primary window.
 */
export function continuousBinning(reference: Float64Array): ContinuousBinning {
  const sorted = sortedFinite(reference);
  const quantiles = sorted.length ? DECILES.map((p) => quantileSorted(sorted, p)) : [];
  let breaks = [...new Set(quantiles)].sort((a, b) => a - b);
  if (breaks.length > 2) breaks = breaks.slice(1, -1);
  const labels = breaks.length
    ? [
        `(-∞, ${breaks[0]})`,
        ...breaks.slice(1).map((b, i) => `[${breaks[i]}, ${b})`),
        `[${breaks.at(-1)}, +∞)`,
        "null"
      ]
    : ["(-∞, +∞)", "null"];
  return {kind: "continuous", breaks: Float64Array.from(breaks), labels, nullBin: labels.length - 1};
}

/** Each value's bin: left-closed intervals found by binary search; NaN (null) goes to the null bin. */
export function assignContinuous(binning: ContinuousBinning, values: Float64Array): Int32Array {
  const {breaks, nullBin} = binning;
  const bins = new Int32Array(values.length);
  for (let i = 0; i < values.length; ++i) {
    const value = values[i]!;
    if (Number.isNaN(value)) {
      bins[i] = nullBin;
      continue;
    }
    let lo = 0; // the number of breaks ≤ value is the bin index
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    bins[i] = lo;
  }
  return bins;
}

/** One bin per distinct value over both datasets (in order of first appearance), nulls in their own bin. */
export function discreteBinning(
  ...columns: readonly (readonly (string | null)[])[]
): DiscreteBinning & {codes: Int32Array[]} {
  const index = new Map<string, number>();
  for (const column of columns)
    for (const value of column) if (value !== null && !index.has(value)) index.set(value, index.size);
  const nullBin = index.size;
  const codes = columns.map((column) =>
    Int32Array.from(column, (value) => (value === null ? nullBin : index.get(value)!))
  );
  return {kind: "discrete", labels: [...index.keys(), "null"], nullBin, codes};
}

/** Counts per bin of the given rows (all rows when `rows` is omitted). */
export function countBins(bins: Int32Array, numBins: number, rows?: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(numBins);
  if (rows === undefined) for (let i = 0; i < bins.length; ++i) ++counts[bins[i]!]!;
  else for (let i = 0; i < rows.length; ++i) ++counts[bins[rows[i]!]!]!;
  return counts;
}
