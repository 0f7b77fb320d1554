import {sortKey} from "./cell-text.ts";
import type {TableColumn} from "./columns.ts";

/** The table's order: a column and a direction, or none (the selection's own order). */
export interface TableSort {
  /** The key of the column sorted by. */
  readonly key: string;
  readonly direction: "ascending" | "descending";
}

// A row's class in the order: numbers (0) first, then text, then empty cells, in either direction.
const TEXT = 1;
const EMPTY = 2;

/**
 * The listed rows' indices in display order: by the column's values (numbers before text, empty cells last
 * either way; a stable sort keeps the selection's order among equals), or as listed when `sort` is null.
 * Each value is read once; the sort compares typed arrays (texts by their rank among the distinct texts).
 */
export function sortedOrder(
  count: number,
  column: TableColumn | undefined,
  sort: TableSort | null
): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; ++i) order[i] = i;
  if (!column || !sort) return order;
  const {kind, key} = sortKeys(column, count);
  const sign = sort.direction === "ascending" ? 1 : -1;
  // Two equal infinities differ by NaN, which is falsy like 0: they tie, as equal values do.
  return order.sort((a, b) => kind[a]! - kind[b]! || sign * (key[a]! - key[b]!) || a - b);
}

// Per row its class and a number to compare within it: the value, or the text's rank.
function sortKeys(column: TableColumn, count: number): {kind: Uint8Array; key: Float64Array} {
  const kind = new Uint8Array(count);
  const key = new Float64Array(count);
  // Texts repeat (labels, dataset names): each distinct one is ranked once, rows keep its index meanwhile.
  const distinct = new Map<string, number>();
  for (let i = 0; i < count; ++i) {
    const value = sortKey(column.value(i));
    if (typeof value === "number") key[i] = value;
    else if (value === null) kind[i] = EMPTY;
    else {
      kind[i] = TEXT;
      let k = distinct.get(value);
      if (k === undefined) distinct.set(value, (k = distinct.size));
      key[i] = k;
    }
  }
  const ranks = textRanks([...distinct.keys()]);
  for (let i = 0; i < count; ++i) if (kind[i] === TEXT) key[i] = ranks[key[i]!]!;
  return {kind, key};
}

/**
 * Each text's rank in reading order (English, digits by their number: "word 9" before "word 10"); texts the
 * collation calls equal ("word 01", "word 1") share a rank, so the stable sort keeps them as selected.
 */
function textRanks(texts: readonly string[]): Int32Array {
  // One collator for the sort: localeCompare with options builds one per call, 15 times slower.
  const {compare} = new Intl.Collator("en", {numeric: true});
  const sorted = Int32Array.from(texts, (_, k) => k).sort((a, b) => compare(texts[a]!, texts[b]!));
  const ranks = new Int32Array(texts.length);
  for (let k = 1, rank = 0; k < sorted.length; ++k) {
    if (compare(texts[sorted[k - 1]!]!, texts[sorted[k]!]!) !== 0) ++rank;
    ranks[sorted[k]!] = rank;
  }
  return ranks;
}

/** The sort after a click on the column's header: ascending, then descending, then the selection's order. */
export function nextSort(sort: TableSort | null, key: string): TableSort | null {
  if (sort?.key !== key) return {key, direction: "ascending"};
  return sort.direction === "ascending" ? {key, direction: "descending"} : null;
}
