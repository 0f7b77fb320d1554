import {Table, Vector, type Data} from "apache-arrow";
import {dsvFormat} from "d3";
import {DatasetError, type DatasetProblem} from "../errors.ts";
import {MAX_PROBLEM_ROWS} from "../rows-where.ts";
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
  // Rows whose field count is not the header's, short and long apart: a field would be lost or made up.
  const ragged = {fewer: new RaggedRows(), more: new RaggedRows()};
  let rowIndex = 0;
  dsvFormat(delimiter).parseRows(text, (row) => {
    if (!names) {
      names = row;
      cells = row.map(() => []);
    } else if (row.length > 1 || row[0] !== "") {
      if (row.length !== cells.length)
        ragged[row.length < cells.length ? "fewer" : "more"].add(rowIndex, row.join(delimiter));
      for (let j = 0; j < cells.length; ++j) cells[j]!.push(row[j] ?? "");
      ++rowIndex;
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
  const header = `the header's ${names.length}`;
  problems.push(...ragged.fewer.problems(`rows with fewer fields than ${header}`));
  problems.push(
    ...ragged.more.problems(`rows with more fields than ${header} (the extra fields would be lost)`)
  );
  const columns: Record<string, Vector> = {};
  names.forEach((column, j) => {
    const values = cells[j]!;
    let data: Data;
    if (vectorColumns.includes(column)) {
      const vectors = new VectorCells(column, values.length);
      values.forEach((cell, row) => vectors.push(cell, row));
      data = vectors.finish();
      problems.push(...vectors.problems());
    } else {
      data = textColumn(values);
    }
    columns[column] = new Vector([data]);
  });
  if (problems.length) throw new DatasetError(name, problems);
  return new Table(columns);
}

/** The first rows of one kind of ragged row, with their text as read. */
class RaggedRows {
  readonly rows: number[] = [];
  readonly values: string[] = [];

  add(row: number, text: string): void {
    if (this.rows.length >= MAX_PROBLEM_ROWS) return;
    this.rows.push(row);
    this.values.push(text);
  }

  problems(message: string): DatasetProblem[] {
    return this.rows.length ? [{rows: this.rows, values: this.values, message}] : [];
  }
}
