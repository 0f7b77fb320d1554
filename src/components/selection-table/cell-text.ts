import {formatValue} from "../format.ts";
import {formatCountOf} from "../view.ts";

const MAX_LIST = 8;

/**
 * A table cell's value as plain text (lit puts it in a text node: markup in it is never parsed). Lists show
 * their first few items; bytes show their size; null and undefined show as "—".
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : formatValue(value);
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return formatCountOf(value.length, "byte");
  const list = listOf(value);
  if (list) {
    const head = list.slice(0, MAX_LIST).map(cellText).join(", ");
    return `[${head}${list.length > MAX_LIST ? ", …" : ""}]`;
  }
  return String(value);
}

/** An Arrow list cell (a Vector) or a typed array as a plain array; null for anything else. */
export function listOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<unknown>);
  const toArray = (value as {toArray?: unknown} | null)?.toArray;
  if (typeof toArray === "function") return Array.from((toArray as () => ArrayLike<unknown>).call(value));
  return null;
}

/** A sort key: numbers (and dates, bigints) as numbers, everything else as its text; null stays null. */
export function sortKey(value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isNaN(value) ? null : value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.getTime();
  return cellText(value);
}
