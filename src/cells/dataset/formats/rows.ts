import {Bool, Float64, Int64, Table, TimeUnit, Timestamp, Utf8, Vector, type Data} from "apache-arrow";
import {DatasetError, type DatasetProblem} from "../errors.ts";
import {arrowData} from "./arrow-data.ts";
import {VectorCells} from "./vector-cells.ts";

/**
 * A table from row objects (JSON, JSONL, or rows given directly). Columns are the keys in the order first
 * seen; a missing key is null. Each column takes the one type its non-null values share: numbers →
 * Float64, bigints → Int64, booleans → Bool, strings → Utf8, Dates → Timestamp(ms, UTC), arrays of numbers
 * → Float32 vectors; mixed values become text (objects as JSON). `vectorColumns` must hold vectors (arrays,
 * or JSON array text); any other value there is a problem naming the column and rows.
 */
export function tableFromRows(
  rows: readonly unknown[],
  name: string,
  vectorColumns: readonly string[]
): Table {
  const notObject = rows.findIndex((row) => typeof row !== "object" || row === null || Array.isArray(row));
  if (notObject >= 0) {
    throw new DatasetError(name, [
      {rows: [notObject], message: `expected an array of objects, found ${describe(rows[notObject])}`}
    ]);
  }
  const values = new Map<string, unknown[]>();
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row as object)) {
      let column = values.get(key);
      if (!column) values.set(key, (column = new Array<unknown>(rows.length).fill(null)));
      column[i] = value ?? null;
    }
  });
  const problems: DatasetProblem[] = [];
  const columns: Record<string, Vector> = {};
  for (const [column, cells] of values) {
    let data: Data;
    if (vectorColumns.includes(column) || kindOf(cells) === "vector") {
      const vectors = new VectorCells(column, cells.length);
      cells.forEach((cell, row) => vectors.push(cell, row));
      data = vectors.finish();
      problems.push(...vectors.problems());
    } else {
      data = columnData(cells);
    }
    columns[column] = new Vector([data]);
  }
  if (problems.length) throw new DatasetError(name, problems);
  return new Table(columns);
}

type Kind = "number" | "bigint" | "boolean" | "string" | "date" | "vector" | "mixed" | "null";

function kindOf(cells: readonly unknown[]): Kind {
  let kind: Kind = "null";
  for (const cell of cells) {
    if (cell === null) continue;
    const next = valueKind(cell);
    if (kind === "null") kind = next;
    else if (kind !== next) return "mixed";
  }
  return kind;
}

function valueKind(value: unknown): Kind {
  if (value instanceof Date) return "date";
  if (Array.isArray(value)) return value.every((item) => typeof item === "number") ? "vector" : "mixed";
  if (ArrayBuffer.isView(value)) return "vector";
  const type = typeof value;
  return type === "number" || type === "bigint" || type === "boolean" || type === "string" ? type : "mixed";
}

function columnData(cells: readonly unknown[]): Data {
  switch (kindOf(cells)) {
    case "number":
      return arrowData(new Float64(), [cells]);
    case "bigint":
      return arrowData(new Int64(), [cells]);
    case "boolean":
      return arrowData(new Bool(), [cells]);
    case "date":
      return arrowData(new Timestamp(TimeUnit.MILLISECOND, "UTC"), [cells.map(epochMillis)]);
    default:
      return arrowData(new Utf8(), [cells.map(text)]);
  }
}

function epochMillis(value: unknown): number | null {
  const time = (value as Date | null)?.getTime();
  return time === undefined || Number.isNaN(time) ? null : time;
}

function text(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}
