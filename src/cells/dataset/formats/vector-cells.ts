import type {DatasetProblem} from "../errors.ts";
import {VectorBuilder, type VectorData} from "./vector-builder.ts";

const MAX_ROWS = 5;

/**
 * One embedding column of a text format, cell by cell: a JSON array of numbers (text in CSV, TSV or a
 * JSON string; a real array or typed array in JSON and row objects). Empty and null cells, and empty
 * arrays, are null vectors. Any other cell is a problem that names the column and its first rows.
 */
export class VectorCells {
  readonly #builder: VectorBuilder;
  readonly #bad: number[] = [];
  #badCount = 0;

  constructor(
    readonly column: string,
    numRows: number
  ) {
    this.#builder = new VectorBuilder(numRows, 0);
  }

  push(cell: unknown, row: number): void {
    const vector = typeof cell === "string" ? parseCell(cell) : cell;
    if (vector === null || vector === undefined) return this.#builder.pushRow(null);
    if (isNumberArray(vector)) return this.#builder.pushRow(vector);
    if (this.#badCount++ < MAX_ROWS) this.#bad.push(row);
    this.#builder.pushRow(null);
  }

  /** The column's problem, if some cells were not vectors. */
  problem(): DatasetProblem | undefined {
    if (!this.#badCount) return undefined;
    const count = this.#badCount === 1 ? "a cell that is" : `${this.#badCount} cells that are`;
    return {column: this.column, rows: this.#bad, message: `${count} not a JSON array of numbers`};
  }

  finish(): VectorData {
    return this.#builder.finish();
  }
}

const invalid = Symbol("invalid");

function parseCell(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return invalid;
  }
}

function isNumberArray(value: unknown): value is ArrayLike<number> {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return !(value instanceof BigInt64Array || value instanceof BigUint64Array);
  }
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== "number") return false;
  return true;
}
