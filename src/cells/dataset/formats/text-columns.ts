import {Bool, Float64, Utf8, type Data} from "apache-arrow";
import {arrowData} from "./arrow-data.ts";

// A number as CSV writers print them (pandas, R, Excel): sign, digits, point, exponent; or NaN, ±Infinity.
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$|^(?:NaN|[-+]?Infinity)$/;
const BOOLEAN = /^(?:true|false)$/i;

/**
 * A column of text cells, typed as a CSV reader should: empty cells are null; a column whose other cells
 * are all numbers is Float64, all true/false (any case: pandas writes True) is Bool; anything else is text.
 */
export function textColumn(cells: readonly string[]): Data {
  let numbers = true;
  let booleans = true;
  let present = 0;
  for (const cell of cells) {
    if (cell === "") continue;
    ++present;
    const trimmed = cell.trim();
    numbers &&= NUMBER.test(trimmed);
    booleans &&= BOOLEAN.test(trimmed);
    if (!numbers && !booleans) break;
  }
  const blankToNull = (cell: string) => (cell === "" ? null : cell);
  if (present === 0 || (!numbers && !booleans)) return arrowData(new Utf8(), [cells.map(blankToNull)]);
  if (numbers)
    return arrowData(new Float64(), [cells.map((cell) => (cell === "" ? null : Number(cell.trim())))]);
  return arrowData(new Bool(), [
    cells.map((cell) => (cell === "" ? null : cell.trim().toLowerCase() === "true"))
  ]);
}
