import {quantilesInPlace, quantilesOfNumbers} from "./quantile.ts";

/**
 * How a column's values fall into bins; the last bin holds nulls, values that are not numbers, and
 * (continuous) +Infinity, which no left-closed bin [bk, +∞) holds: pandas' cut, Phoenix's binning, makes it
 * missing.
 */
export interface Binning {
  /** A label per bin, the null bin last ("null"). */
  readonly labels: readonly string[];
  /** The index of the null bin (= labels.length − 1). */
  readonly nullBin: number;
}

export interface ContinuousBinning extends Binning {
  readonly kind: "continuous";
  /**
   * Ascending breakpoints b1 < … < bk: bins [−∞, b1), [b1, b2), …, [bk, +∞), then the null bin. b1 may be
   * infinite, an infinite quantile kept: then [−∞, −∞) below b1 = −∞, or [+∞, +∞) from b1 = +∞, holds nothing.
   */
  readonly breaks: Float64Array;
}

export const DECILES = Array.from({length: 11}, (_, i) => i / 10);

/**
 * Phoenix's bins for a continuous column: the reference's deciles (0, 0.1, …, 1, linear interpolation, nulls
 * ignored, infinities not: np.nanquantile's, NaN where its arithmetic meets ∞ − ∞), the NaN ones dropped,
 * deduplicated; when more than two remain the first and last are dropped, so the outer bins are open-ended;
 * of one or two, the smaller alone is kept (two bins). The bins come from the whole reference and apply to
 * every primary window.
 */
export function continuousBinning(reference: Float64Array): ContinuousBinning {
  return binningFromQuantiles(quantilesOfNumbers(reference, DECILES));
}

/** continuousBinning that reorders `reference` (a scratch buffer) rather than copying it. */
export function continuousBinningInPlace(reference: Float64Array): ContinuousBinning {
  return binningFromQuantiles(quantilesInPlace(reference, DECILES));
}

/** The bins of a column whose reference deciles are `quantiles` (none but NaN: one bin for every number). */
export function binningFromQuantiles(quantiles: readonly number[]): ContinuousBinning {
  let breaks = [...new Set(quantiles.filter((q) => q === q))].sort((a, b) => a - b);
  // Phoenix's QuantileBinning: breaks[1:-1] if len(breaks) > 2 else breaks[:1].
  breaks = breaks.length > 2 ? breaks.slice(1, -1) : breaks.slice(0, 1);
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

/** Each value's bin: left-closed intervals, searched without branches; NaN (null) and +∞ in the null bin. */
export function assignContinuous(binning: ContinuousBinning, values: Float64Array): Int32Array {
  const bins = new Int32Array(values.length);
  binValues(binning, values, bins, 0, values.length, 0);
  return bins;
}

/**
 * Writes the bins of values[from … to) to bins[at …]. Up to 15 finite breaks, padded to 15 with NaN (never
 * ≤ a value, so never counted), the bin (the number of breaks ≤ the value) is found without a branch: up to
 * 9 breaks (deciles) by counting the breaks ≤ it, else in four steps of a search; otherwise by binary search.
 * All give the same bins. NaN and +∞ (not < +∞) go to the null bin.
 */
export function binValues(
  binning: ContinuousBinning,
  values: ArrayLike<number>,
  bins: Uint8Array | Int32Array,
  from: number,
  to: number,
  at: number
): void {
  const {breaks, nullBin} = binning;
  const table = searchTable(breaks);
  if (table && breaks.length <= 9) {
    // Deciles give at most 9 breaks: then 9 comparisons side by side, none waiting on another, count them.
    // Indexed, not destructured: a typed array's iterator costs about a microsecond per call (per block).
    const b0 = table[0]!,
      b1 = table[1]!,
      b2 = table[2]!,
      b3 = table[3]!,
      b4 = table[4]!;
    const b5 = table[5]!,
      b6 = table[6]!,
      b7 = table[7]!,
      b8 = table[8]!;
    for (let i = from, j = at; i < to; ++i, ++j) {
      const v = values[i]!;
      const bin =
        +(b0 <= v) +
        +(b1 <= v) +
        +(b2 <= v) +
        +(b3 <= v) +
        +(b4 <= v) +
        +(b5 <= v) +
        +(b6 <= v) +
        +(b7 <= v) +
        +(b8 <= v);
      bins[j] = v < Infinity ? bin : nullBin;
    }
    return;
  }
  if (table) {
    for (let i = from, j = at; i < to; ++i, ++j) {
      const v = values[i]!;
      let bin = +(table[7]! <= v) << 3;
      bin += +(table[bin + 3]! <= v) << 2;
      bin += +(table[bin + 1]! <= v) << 1;
      bin += +(table[bin]! <= v);
      bins[j] = v < Infinity ? bin : nullBin;
    }
    return;
  }
  for (let i = from, j = at; i < to; ++i, ++j) {
    const value = values[i]!;
    let lo = 0; // the number of breaks ≤ value is the bin index
    let hi = value < Infinity ? breaks.length : -1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    bins[j] = hi < 0 ? nullBin : lo;
  }
}

// The breaks padded to 15 with NaN, when there are at most 15, all finite; once per binning (binValues is
// called per block of rows).
const searchTables = new WeakMap<Float64Array, Float64Array | null>();

function searchTable(breaks: Float64Array): Float64Array | null {
  let table = searchTables.get(breaks);
  if (table !== undefined) return table;
  table = null;
  if (breaks.length <= 15 && breaks.every(Number.isFinite)) {
    table = new Float64Array(15).fill(NaN);
    table.set(breaks);
  }
  searchTables.set(breaks, table);
  return table;
}
