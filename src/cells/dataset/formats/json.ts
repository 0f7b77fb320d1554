import type {Table} from "apache-arrow";
import {DatasetError} from "../errors.ts";
import {errorMessage} from "../sources/index.ts";
import {RowColumns, tableFromRows} from "./rows.ts";

/** A JSON array of objects (as pandas' `to_json(orient="records")` writes) as a table. */
export function readJson(text: string, name: string, vectorColumns: readonly string[]): Table {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(name, [{message: `not valid JSON: ${errorMessage(error)}`}], {cause: error});
  }
  if (!Array.isArray(value)) {
    const found = value === null ? "null" : typeof value === "object" ? "an object" : `a ${typeof value}`;
    throw new DatasetError(name, [{message: `expected an array of objects, found ${found}`}]);
  }
  return tableFromRows(value, name, vectorColumns);
}

/**
 * JSON Lines: one object per line; blank lines are skipped. Rows are counted from 0, blank lines not. Each
 * line's object goes into the columns as it is parsed, so the rows are never all held as objects.
 */
export function readJsonl(text: string, name: string, vectorColumns: readonly string[]): Table {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const columns = new RowColumns(lines.length, name, vectorColumns);
  for (const line of lines) {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      const message = `row is not valid JSON: ${errorMessage(error)}`;
      throw new DatasetError(name, [{rows: [columns.rows], message}], {cause: error});
    }
    columns.push(row);
  }
  return columns.finish();
}
