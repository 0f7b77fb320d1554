import {Field, FixedSizeList, Float32, List, makeData, type Data} from "apache-arrow";

/** Embedding columns as Arrow reads them: fixed-size lists of Float32, or lists when lengths differ. */
export type VectorData = Data<FixedSizeList<Float32>> | Data<List<Float32>>;

/**
 * Collects embedding vectors row by row into one Float32Array, then hands it to Arrow without copying:
 * FixedSizeList<Float32> when every vector has the same length, List<Float32> otherwise. Null and empty
 * vectors are null rows. Values are appended compactly; null rows take their `dim` zeros only at the end
 * (in place, from the back), so a reader that knows the total up front never reallocates.
 */
export class VectorBuilder {
  values: Float32Array;
  /** Values appended so far. */
  used = 0;
  readonly #lengths: Int32Array;
  #rows = 0;
  #nulls = 0;
  /** The first non-null length, and whether every non-null vector has it. */
  #dim = -1;
  #uniform = true;

  constructor(
    readonly numRows: number,
    capacity: number
  ) {
    this.values = new Float32Array(Math.max(capacity, 0));
    this.#lengths = new Int32Array(numRows);
  }

  get rowsDone(): number {
    return this.#rows;
  }

  /** The first non-null vector's length; −1 before there is one. */
  get dim(): number {
    return this.#dim;
  }

  /** Makes room for `count` more values: exactly, or (by default) by doubling, for appends of unknown total. */
  reserve(count: number, exact = false): void {
    if (this.used + count <= this.values.length) return;
    const grown = new Float32Array(Math.max(this.used + count, exact ? 0 : this.values.length * 2));
    grown.set(this.values.subarray(0, this.used));
    this.values = grown;
  }

  /** Ends a row whose `length` values were appended (to `values` at `used`); length 0 is a null row. */
  endRow(length: number): void {
    if (this.#rows >= this.numRows) throw new RangeError(`more than ${this.numRows} vectors`);
    this.#lengths[this.#rows++] = length;
    if (length === 0) ++this.#nulls;
    else if (this.#dim < 0) this.#dim = length;
    else if (length !== this.#dim) this.#uniform = false;
  }

  /** Appends one row from a JS array of numbers (text formats); null for a null row. */
  pushRow(vector: ArrayLike<number> | null): void {
    const length = vector?.length ?? 0;
    this.reserve(length);
    for (let i = 0; i < length; ++i) this.values[this.used + i] = vector![i]!;
    this.used += length;
    this.endRow(length);
  }

  finish(): VectorData {
    if (this.#rows !== this.numRows) throw new RangeError(`${this.#rows} vectors for ${this.numRows} rows`);
    const n = this.numRows;
    const validity = this.#nulls ? this.#validity() : undefined;
    const nulls = {nullCount: this.#nulls, ...(validity ? {nullBitmap: validity} : {})};
    const item = new Field("item", new Float32(), true);
    if (this.#uniform && this.#dim > 0) {
      const dim = this.#dim;
      if (this.#nulls) this.#spreadRows(dim);
      // Text formats grow by doubling: give the slack back rather than keep it alive behind a view.
      else if (this.values.length > n * dim * 1.125) this.values = this.values.slice(0, n * dim);
      const child = makeData({type: new Float32(), length: n * dim, data: this.values.subarray(0, n * dim)});
      return makeData({type: new FixedSizeList(dim, item), length: n, ...nulls, child});
    }
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; ++i) offsets[i + 1] = offsets[i]! + this.#lengths[i]!;
    const child = makeData({
      type: new Float32(),
      length: this.used,
      data: this.values.subarray(0, this.used)
    });
    return makeData({type: new List(item), length: n, ...nulls, valueOffsets: offsets, child});
  }

  #validity(): Uint8Array {
    const bitmap = new Uint8Array(Math.ceil(this.numRows / 8));
    for (let i = 0; i < this.numRows; ++i) if (this.#lengths[i]) bitmap[i >> 3]! |= 1 << (i & 7);
    return bitmap;
  }

  // Row i moves from its compact offset to i × dim; going from the last row back, a move never overwrites
  // values not yet moved. Null rows become zeros.
  #spreadRows(dim: number): void {
    if (this.values.length < this.numRows * dim) {
      const spread = new Float32Array(this.numRows * dim);
      spread.set(this.values.subarray(0, this.used));
      this.values = spread;
    }
    const values = this.values;
    let source = this.used;
    for (let i = this.numRows - 1; i >= 0; --i) {
      const target = i * dim;
      if (this.#lengths[i]) {
        source -= dim;
        if (source !== target) values.copyWithin(target, source, source + dim);
      } else {
        values.fill(0, target, target + dim);
      }
    }
  }
}
