import {categorical} from "../colors.ts";
import type {Palette} from "../theme.ts";

/**
 * What a legend entry stands for: a value (a dataset, a cluster, a label, ±∞), the range of the numbers, or a
 * bucket: "other" (the values past the ten most frequent) or "missing" (no value).
 */
export type LegendEntryKind = "value" | "range" | "other" | "missing";

/** One line of the legend: a value (or "other", "missing"), its color and how many points have it. */
export interface LegendEntry {
  /**
   * The value as text (as a JSON string where it would read as a bucket: "other", "missing", or text that
   * starts with a quote), or "other" (values past the ten most frequent) or "missing" (null).
   */
  readonly label: string;
  /** CSS color of its points. */
  readonly color: string;
  /** How many points it colors. */
  readonly count: number;
  /** A value, the range, or a bucket: keeps a value named "other" apart from the other bucket. */
  readonly kind: LegendEntryKind;
}

/** What a coloring shows: one entry per color, and per point the index of its entry. */
export interface Categories {
  readonly entries: readonly LegendEntry[];
  /** Per point, the index of its entry in `entries`. */
  readonly codes: Int32Array;
}

/** How many distinct values get their own color; the rest share "other". */
export const TOP_VALUES = 10;

const BUCKET_LABELS: ReadonlySet<string> = new Set(["other", "missing"]);

/**
 * A value's legend label: its text, or where that would read as a bucket's label ("other", "missing") the
 * text as a JSON string, `"other"` (and so any text that starts with a quote, so that no two values meet).
 */
export const valueLabel = (text: string): string =>
  BUCKET_LABELS.has(text) || text.startsWith('"') ? JSON.stringify(text) : text;

/**
 * Text, booleans or labels as categories: the ten most frequent values (ties in label order), each a color of
 * the categorical palette, then "other" for the rest and "missing" for nulls; empty groups are left out.
 */
export function topCategories(values: readonly unknown[], palette: Palette): Categories {
  const n = values.length;
  const raw = new Int32Array(n);
  const index = new Map<string, number>();
  const counts: number[] = [];
  const labels: string[] = [];
  for (let i = 0; i < n; ++i) {
    const value = values[i];
    if (value === null || value === undefined) {
      raw[i] = -1;
      continue;
    }
    const label = String(value);
    let k = index.get(label);
    if (k === undefined) {
      index.set(label, (k = labels.length));
      labels.push(label);
      counts.push(0);
    }
    ++counts[k]!;
    raw[i] = k;
  }
  const order = labels.map((_, k) => k);
  order.sort((a, b) => counts[b]! - counts[a]! || (labels[a]! < labels[b]! ? -1 : 1));
  const top = order.slice(0, TOP_VALUES);
  const entries: LegendEntry[] = top.map((k, rank) => ({
    label: valueLabel(labels[k]!),
    color: categorical(rank),
    count: counts[k]!,
    kind: "value"
  }));
  // Raw value index → entry index: the top ten theirs, the rest "other", then nulls "missing".
  const entryOf = new Int32Array(labels.length).fill(entries.length);
  top.forEach((k, rank) => (entryOf[k] = rank));
  const other = order.slice(TOP_VALUES).reduce((sum, k) => sum + counts[k]!, 0);
  const missingCode = entries.length + (other ? 1 : 0);
  if (other) entries.push({label: "other", color: palette.muted, count: other, kind: "other"});
  const codes = new Int32Array(n);
  let missing = 0;
  for (let i = 0; i < n; ++i) {
    const k = raw[i]!;
    if (k < 0) ++missing;
    codes[i] = k < 0 ? missingCode : entryOf[k]!;
  }
  if (missing) entries.push({label: "missing", color: palette.noise, count: missing, kind: "missing"});
  return {entries, codes};
}

/**
 * Categories whose codes are already known (datasets, clusters, correctness): counts the points of each. An
 * entry is a value unless it says otherwise.
 */
export function countedCategories(
  codes: Int32Array,
  entries: readonly {label: string; color: string; kind?: LegendEntryKind}[]
): Categories {
  const counts = new Array<number>(entries.length).fill(0);
  for (let i = 0; i < codes.length; ++i) ++counts[codes[i]!]!;
  return {codes, entries: entries.map((e, k) => ({kind: "value", ...e, count: counts[k]!}))};
}
