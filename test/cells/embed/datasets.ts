import {readFile} from "node:fs/promises";
import {gunzipSync} from "node:zlib";
import {Table, tableFromArrays, vectorFromArray, type Vector} from "apache-arrow";
import type {Dataset} from "../../../src/cells/dataset/dataset.ts";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {load} from "../../../src/cells/dataset/load.ts";
import type {SchemaSpec} from "../../../src/cells/dataset/schema.ts";

export const dataURL = (name: string) => new URL(`../../../notebooks/data/${name}`, import.meta.url);
export const fixtureURL = (name: string) => new URL(`../../fixtures/embed/${name}`, import.meta.url);

/** A dataset from columns of plain values (or Arrow vectors), every column a feature unless said otherwise. */
export function datasetOf(
  columns: Record<string, readonly unknown[] | Vector>,
  schema?: SchemaSpec
): Dataset {
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([name, values]) => [
      name,
      Array.isArray(values) ? vectorFromArray(values as unknown[]) : (values as Vector)
    ])
  );
  return fromTable(new Table(vectors), "test table", {loadTime: 0, ...(schema ? {schema} : {})});
}

/** The labels of the given rows of a column, as text. */
export function labelsOf(dataset: Dataset, column: string, rows: ArrayLike<number>): string[] {
  const vector = dataset.table.getChild(column)!;
  return Array.from(rows, (row) => String(vector.get(row)));
}

/** scikit-learn's 1,797 digits: `pixel_0` … `pixel_63` (0–16) and `digit`. */
export async function digits(): Promise<Dataset> {
  const lines = gunzipSync(await readFile(dataURL("digits.csv.gz")))
    .toString("utf8")
    .trim()
    .split("\n");
  const header = lines[0]!.split(",");
  const columns = header.map(() => new Float64Array(lines.length - 1));
  lines
    .slice(1)
    .forEach((line, row) => line.split(",").forEach((value, j) => (columns[j]![row] = Number(value))));
  const table = tableFromArrays(Object.fromEntries(header.map((name, j) => [name, columns[j]!])));
  return load(table, {schema: {actualLabel: "digit"}, loadTime: 0});
}
