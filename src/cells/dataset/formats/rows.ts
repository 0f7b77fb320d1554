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
  const columns = new RowColumns(rows.length, name, vectorColumns);
  for (const row of rows) columns.push(row);
  return columns.finish();
}

/**
 * The columns of tableFromRows, filled one row at a time, so that a reader (JSONL) can drop each row object
 * as soon as it is pushed: the cells of a `vectorColumns` column go straight into one Float32Array.
 */
export class RowColumns {
  /** The cells of each column but the vector columns, by name, in the order first seen. */
  readonly #cells = new Map<string, unknown[]>();
  /** The vector columns, and how many of their rows are filled (a row without the key is null). */
  readonly #vectors = new Map<string, {cells: VectorCells; filled: number}>();
  readonly #order: string[] = [];
  #rows = 0;

  constructor(
    readonly numRows: number,
    readonly name: string,
    readonly vectorColumns: readonly string[]
  ) {}

  /** Rows pushed so far. */
  get rows(): number {
    return this.#rows;
  }

  push(row: unknown): void {
    const i = this.#rows;
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throw new DatasetError(this.name, [
        {rows: [i], message: `expected an array of objects, found ${describe(row)}`}
      ]);
    }
    if (i >= this.numRows) throw new RangeError(`more than ${this.numRows} rows`);
    for (const [key, value] of Object.entries(row)) {
      if (this.vectorColumns.includes(key)) {
        let vector = this.#vectors.get(key);
        if (!vector) {
          this.#vectors.set(key, (vector = {cells: new VectorCells(key, this.numRows), filled: 0}));
          this.#order.push(key);
        }
        while (vector.filled < i) vector.cells.push(null, vector.filled++);
        vector.cells.push(value ?? null, vector.filled++);
        continue;
      }
      let column = this.#cells.get(key);
      if (!column) {
        this.#cells.set(key, (column = new Array<unknown>(this.numRows).fill(null)));
        this.#order.push(key);
      }
      column[i] = value ?? null;
    }
    ++this.#rows;
  }

  finish(): Table {
    if (this.#rows !== this.numRows) throw new RangeError(`${this.#rows} rows of ${this.numRows}`);
    const problems: DatasetProblem[] = [];
    const columns: Record<string, Vector> = {};
    for (const column of this.#order) {
      const vector = this.#vectors.get(column);
      const cells = this.#cells.get(column) ?? [];
      let vectors: VectorCells | undefined = vector?.cells;
      if (vector) {
        while (vector.filled < this.numRows) vector.cells.push(null, vector.filled++);
      } else if (kindOf(cells) === "vector") {
        vectors = new VectorCells(column, cells.length);
        cells.forEach((cell, row) => vectors!.push(cell, row));
      }
      let data: Data;
      if (vectors) {
        data = vectors.finish();
        problems.push(...vectors.problems());
      } else {
        data = columnData(cells);
      }
      columns[column] = new Vector([data]);
    }
    if (problems.length) throw new DatasetError(this.name, problems);
    return new Table(columns);
  }
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
