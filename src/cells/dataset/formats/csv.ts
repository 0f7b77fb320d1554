import {Table, Vector, type Data} from "apache-arrow";
import {dsvFormat} from "d3";
import {DatasetError, type DatasetProblem} from "../errors.ts";
import {textColumn} from "./text-columns.ts";
import {VectorCells} from "./vector-cells.ts";

/**
 * Reads CSV or TSV text (first row: the column names) into a table. Cells go straight into per-column
 * arrays as d3-dsv parses each row, so no row object is ever built; then each column is typed (see
 * textColumn), and the `vectorColumns` are parsed as JSON arrays into Float32 vectors.
 */
export function readDelimited(
  text: string,
  delimiter: "," | "\t",
  name: string,
  vectorColumns: readonly string[]
): Table {
  let names: string[] | undefined;
  let cells: string[][] = [];
  dsvFormat(delimiter).parseRows(text, (row) => {
    if (!names) {
      names = row;
      cells = row.map(() => []);
    } else if (row.length > 1 || row[0] !== "") {
      // A row shorter than the header leaves its last cells empty (null); extra cells are ignored.
      for (let j = 0; j < cells.length; ++j) cells[j]!.push(row[j] ?? "");
    }
    return null;
  });
  if (!names) throw new DatasetError(name, [{message: "empty file"}]);
  const duplicates = names.filter((column, i) => names!.indexOf(column) !== i);
  if (duplicates.length) {
    throw new DatasetError(name, [
      {message: `duplicate column names: ${[...new Set(duplicates)].join(", ")}`}
    ]);
  }
  const problems: DatasetProblem[] = [];
  const columns: Record<string, Vector> = {};
  names.forEach((column, j) => {
    const values = cells[j]!;
    let data: Data;
    if (vectorColumns.includes(column)) {
      const vectors = new VectorCells(column, values.length);
      values.forEach((cell, row) => vectors.push(cell, row));
      const problem = vectors.problem();
      if (problem) problems.push(problem);
      data = vectors.finish();
    } else {
      data = textColumn(values);
    }
    columns[column] = new Vector([data]);
  });
  if (problems.length) throw new DatasetError(name, problems);
  return new Table(columns);
}
