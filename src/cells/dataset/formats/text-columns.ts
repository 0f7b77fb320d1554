import {Bool, Float64, Utf8, type Data} from "apache-arrow";
import {arrowData} from "./arrow-data.ts";

// A number as CSV writers print them (pandas, R, Excel): sign, digits, point, exponent; or NaN, ±Infinity
// (pandas writes inf, R Inf).
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$|^(?:NaN|[-+]?(?:inf|infinity))$/i;
const BOOLEAN = /^(?:true|false)$/i;

/**
 * The cells pandas' read_csv reads as missing by default (R writes NA, pandas writes nothing or NaN, Excel
 * #N/A): in a column of numbers or booleans they are nulls, not text that makes the whole column text (a
 * column of numbers with R's NA was binned as 518 categories, its PSI 0.463 for 0.183).
 */
const MISSING = new Set([
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "None",
  "n/a",
  "null"
]);

/**
 * A column of text cells, typed as a CSV reader should: empty cells are null; a column whose other cells
 * are all numbers is Float64, all true/false (any case: pandas writes True) is Bool; anything else is text.
 */
export function textColumn(cells: readonly string[]): Data {
  let numbers = true;
  let booleans = true;
  let present = 0;
  for (const cell of cells) {
    const trimmed = cell.trim();
    if (cell === "" || MISSING.has(trimmed)) continue;
    ++present;
    numbers &&= NUMBER.test(trimmed);
    booleans &&= BOOLEAN.test(trimmed);
    if (!numbers && !booleans) break;
  }
  const missing = (cell: string) => cell === "" || MISSING.has(cell.trim());
  // Nothing but missing cells: all null (its kind is for the other dataset to say).
  if (present === 0) return arrowData(new Utf8(), [cells.map(() => null)]);
  // Text: only empty cells are null; "NA" among words is a word (North America).
  if (!numbers && !booleans) return arrowData(new Utf8(), [cells.map((cell) => (cell === "" ? null : cell))]);
  if (numbers)
    return arrowData(new Float64(), [cells.map((cell) => (missing(cell) ? null : toNumber(cell)))]);
  return arrowData(new Bool(), [
    cells.map((cell) => (missing(cell) ? null : cell.trim().toLowerCase() === "true"))
  ]);
}

// NUMBER's text as a number: JavaScript's Number() reads Infinity but not inf, Inf or INFINITY.
function toNumber(cell: string): number {
  const text = cell.trim();
  const infinite = /^([-+]?)inf(?:inity)?$/i.exec(text);
  return infinite ? (infinite[1] === "-" ? -Infinity : Infinity) : Number(text);
}
