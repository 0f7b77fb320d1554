import {Vector, type Data} from "apache-arrow";
import {embeddingVectors} from "../embedding-vectors.ts";
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
  readonly #badValues: unknown[] = [];
  #badCount = 0;
  #data: VectorData | undefined;

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
    if (this.#badCount++ < MAX_ROWS) {
      this.#bad.push(row);
      this.#badValues.push(cell);
    }
    this.#builder.pushRow(null);
  }

  /**
   * The column's problems, after `finish`: the cells that are not vectors (quoted), and then what the vectors
   * read would be refused for when the dataset is built (lengths that differ, …), so that one error tells
   * all. Without bad cells, none: the dataset's own check reports the rest beside its other problems.
   */
  problems(): DatasetProblem[] {
    if (!this.#badCount) return [];
    const count = this.#badCount === 1 ? "a cell that is" : `${this.#badCount} cells that are`;
    const cells = {
      column: this.column,
      rows: this.#bad,
      values: this.#badValues,
      message: `${count} not a JSON array of numbers`
    };
    const vectors = this.#data
      ? embeddingVectors(this.column, new Vector([this.#data as Data]), this.column)
      : undefined;
    return [cells, ...(vectors?.problems ?? [])];
  }

  finish(): VectorData {
    return (this.#data = this.#builder.finish());
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
