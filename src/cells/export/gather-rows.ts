import type {Data, Vector} from "apache-arrow";

/** One dataset's share of an export column: its column (null where the dataset lacks it) and rows to take. */
export interface ColumnPart {
  readonly column: Vector | null;
  /** Rows to take, ascending. */
  readonly rows: Int32Array;
}

/** Visits each row of `rows` (ascending) in the chunk that holds it, with its index in that chunk. */
export function forEachRow(
  column: Vector,
  rows: Int32Array,
  visit: (data: Data, index: number, chunk: number) => void
): void {
  let chunk = 0;
  let start = 0;
  for (let k = 0; k < rows.length; ++k) {
    const row = rows[k]!;
    while (row >= start + column.data[chunk]!.length) start += column.data[chunk++]!.length;
    visit(column.data[chunk]!, row - start, chunk);
  }
}

/** The validity bitmap of a column being gathered, row by row. */
export class Validity {
  readonly bitmap: Uint8Array;
  nullCount = 0;

  constructor(length: number) {
    this.bitmap = new Uint8Array(Math.ceil(length / 8));
  }

  valid(row: number): void {
    this.bitmap[row >> 3]! |= 1 << (row & 7);
  }

  /** What makeData takes: the bitmap only when there are nulls. */
  get nulls(): {nullCount: number; nullBitmap?: Uint8Array} {
    return this.nullCount ? {nullCount: this.nullCount, nullBitmap: this.bitmap} : {nullCount: 0};
  }
}

/** Rows over all parts. */
export function totalRows(parts: readonly ColumnPart[]): number {
  return parts.reduce((sum, part) => sum + part.rows.length, 0);
}
