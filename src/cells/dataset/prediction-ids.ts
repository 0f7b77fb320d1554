import type {Vector} from "apache-arrow";
import {isNumeric, isText} from "./column-types.ts";
import type {DatasetProblem} from "./errors.ts";
import {MAX_PROBLEM_ROWS, rowsWhere} from "./rows-where.ts";

/**
 * Each row's prediction id as a string: given ids (numbers stringified), or, without a column, generated ones.
 * Phoenix generates random UUIDs; ours are `${dataset}-${row}`: unique, and the same on every load.
 */
export function predictionIds(
  column: Vector | null,
  name: string | null,
  numRows: number,
  dataset: string
): {ids: string[]; problems: DatasetProblem[]; warnings: string[]} {
  if (column === null || name === null) {
    return {ids: Array.from({length: numRows}, (_, i) => `${dataset}-${i}`), problems: [], warnings: []};
  }
  if (!isText(column.type) && !isNumeric(column.type)) {
    return {
      ids: [],
      problems: [{column: name, message: `prediction ids must be strings or numbers, not ${column.type}`}],
      warnings: []
    };
  }
  const ids = new Array<string>(numRows);
  for (let i = 0; i < numRows; ++i) {
    const value = column.get(i) as unknown;
    ids[i] = value === null ? "" : String(value);
  }
  const problems: DatasetProblem[] = [];
  const missing = rowsWhere(numRows, (i) => column.get(i) === null);
  if (missing.length) problems.push({column: name, rows: missing, message: "missing prediction ids"});
  const warnings: string[] = [];
  const first = new Map<string, number>();
  const duplicates: string[] = [];
  for (let i = 0; i < numRows; ++i) {
    const seen = first.get(ids[i]!);
    if (seen === undefined) first.set(ids[i]!, i);
    else if (duplicates.length < MAX_PROBLEM_ROWS) duplicates.push(`"${ids[i]}" at rows ${seen} and ${i}`);
  }
  if (duplicates.length)
    warnings.push(`column "${name}": duplicate prediction ids: ${duplicates.join("; ")}`);
  return {ids, problems, warnings};
}
