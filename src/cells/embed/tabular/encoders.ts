import type {Vector} from "apache-arrow";
import {discreteValues, numericValues} from "../../dataset/column-values.ts";

/** One column's part of a tabular vector: its width and how to write a row's values into it. */
export interface ColumnEncoder {
  readonly width: number;
  /** Writes the row's values at `out[offset…offset + width)`; returns whether its value was not null. */
  encode(row: number, out: Float32Array, offset: number): boolean;
}

/**
 * z-score with the reference's mean and standard deviation (population, as scikit-learn's StandardScaler):
 * a feature in its own unit would weigh by its range (body mass in grams would drown beak lengths in mm).
 * Null or non-finite values → 0 after standardizing, i.e. the mean. A constant column gives 0 everywhere.
 */
export function numericEncoder(column: Vector, reference: Vector): ColumnEncoder {
  const fit = numericValues(reference);
  let count = 0;
  let sum = 0;
  for (const value of fit)
    if (Number.isFinite(value)) {
      ++count;
      sum += value;
    }
  const mean = count ? sum / count : 0;
  let squares = 0;
  for (const value of fit) if (Number.isFinite(value)) squares += (value - mean) ** 2;
  const std = count ? Math.sqrt(squares / count) : 0;
  const values = numericValues(column);
  return {
    width: 1,
    encode(row, out, offset) {
      const value = values[row]!;
      const finite = Number.isFinite(value);
      out[offset] = finite && std > 0 ? (value - mean) / std : 0;
      return finite;
    }
  };
}

/**
 * One-hot over the reference's most frequent categories (by count, ties in code-unit order, so that the row
 * order does not matter), at most `maxCategories`; when the reference has more, one more slot "other" takes
 * the rest. Null, and a category the reference never had when there is no "other" slot, are all zeros.
 */
export function categoricalEncoder(column: Vector, reference: Vector, maxCategories: number): ColumnEncoder {
  const counts = new Map<string, number>();
  for (const value of discreteValues(reference))
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  const ranked = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const slots = new Map(ranked.slice(0, maxCategories).map(([category], i) => [category, i]));
  const other = ranked.length > maxCategories ? slots.size : -1;
  const values = discreteValues(column);
  return {
    width: slots.size + (other >= 0 ? 1 : 0),
    encode(row, out, offset) {
      const value = values[row];
      if (value === null || value === undefined) return false;
      const slot = slots.get(value) ?? other;
      if (slot >= 0) out[offset + slot] = 1;
      return true;
    }
  };
}
