import {sortKey} from "./cell-text.ts";
import type {TableColumn} from "./columns.ts";

/** The table's order: a column and a direction, or none (the selection's own order). */
export interface TableSort {
  /** The key of the column sorted by. */
  readonly key: string;
  readonly direction: "ascending" | "descending";
}

/**
 * The listed rows' indices in display order: by the column's values (numbers before text, empty cells last
 * either way; a stable sort keeps the selection's order among equals), or as listed when `sort` is null.
 */
export function sortedOrder(
  count: number,
  column: TableColumn | undefined,
  sort: TableSort | null
): Int32Array {
  const order = Int32Array.from({length: count}, (_, i) => i);
  if (!column || !sort) return order;
  const keys = Array.from({length: count}, (_, i) => sortKey(column.value(i)));
  const sign = sort.direction === "ascending" ? 1 : -1;
  return order.sort((a, b) => {
    const [x, y] = [keys[a]!, keys[b]!];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === "number" && typeof y === "number") return sign * (x - y) || a - b;
    if (typeof x !== typeof y) return typeof x === "number" ? -1 : 1;
    return sign * String(x).localeCompare(String(y), "en", {numeric: true}) || a - b;
  });
}

/** The sort after a click on the column's header: ascending, then descending, then the selection's order. */
export function nextSort(sort: TableSort | null, key: string): TableSort | null {
  if (sort?.key !== key) return {key, direction: "ascending"};
  return sort.direction === "ascending" ? {key, direction: "descending"} : null;
}
