import type {RandomAccess} from "../../sources/index.ts";
import {VectorBuilder, type VectorData} from "../vector-builder.ts";
import type {Decompressor} from "./codecs.ts";
import type {ColumnMetaData, PageHeader} from "./hyparquet.ts";
import {HybridRuns, allLevelsAre, levelWidth, readLevels} from "./levels.ts";
import {dataPage, type DataPage} from "./data-page.ts";
import {chunkRange} from "./metadata.ts";
import {PageCursor} from "./page-cursor.ts";
import {decodeValues, readDictionary, type FloatDictionary, type FloatLeaf} from "./vector-values.ts";

/** What the definition levels of a list<float> column mean (its repetition levels are 0 or 1). */
export interface ListLevels {
  /** A present value. */
  readonly maxDef: number;
  /** Below this, the list is null; at it, empty (both become a null vector). */
  readonly elementDef: number;
}

/**
 * The fast path for embedding columns (list<float>, list<double>, fixed_size_list<float>): every value of
 * every row group is decoded straight into one Float32Array (see VectorBuilder), page by page. Levels serve
 * only to find where rows start and which are null: a page whose definition levels are all at the maximum
 * (no null vector, no null element) is read as runs, and its values are one copy.
 */
export class VectorColumnReader {
  readonly #builder: VectorBuilder;
  /** Values in the row still open (rows continue across pages); −1 before the first row. */
  #rowLength = -1;
  #dictionary: FloatDictionary | undefined;
  #scratch = new Uint8Array(0);
  #reserved = false;

  constructor(
    readonly numRows: number,
    /** Level slots in the whole column: exactly the values when no vector is null. */
    slots: number,
    readonly levels: ListLevels,
    readonly leaf: FloatLeaf
  ) {
    this.#builder = new VectorBuilder(numRows, slots);
  }

  /** Reads one row group's chunk of the column. */
  async readChunk(
    file: RandomAccess,
    meta: ColumnMetaData,
    _rows: number,
    decompress: Decompressor
  ): Promise<void> {
    const {start, end} = chunkRange(meta);
    const cursor = new PageCursor(file, start, end);
    this.#dictionary = undefined;
    for (let page = await cursor.next(); page; page = await cursor.next()) {
      this.#page(page.header, page.bytes, decompress);
    }
  }

  finish(): VectorData {
    if (this.#rowLength >= 0) this.#builder.endRow(this.#rowLength);
    this.#rowLength = -1;
    return this.#builder.finish();
  }

  #page(header: PageHeader, bytes: Uint8Array, decompress: Decompressor): void {
    const unpack = (input: Uint8Array, size: number) => this.#decompress(input, size, decompress);
    if (header.type === "DICTIONARY_PAGE") {
      const page = unpack(bytes, header.uncompressed_page_size);
      this.#dictionary = readDictionary(page, header.dictionary_page_header!.num_values, this.leaf);
      return;
    }
    const data = dataPage(header, bytes, unpack, {rep: true, def: true});
    if (data) this.#data(data);
  }

  #data({
    count,
    encoding,
    levels,
    rep: [repStart, repEnd],
    def: [defStart, defEnd],
    values,
    at
  }: DataPage): void {
    const {maxDef, elementDef} = this.levels;
    const builder = this.#builder;
    const defRuns = () => new HybridRuns(levels, defStart, defEnd, levelWidth(maxDef));
    const repRuns = new HybridRuns(levels, repStart, repEnd, 1);
    if (allLevelsAre(defRuns(), count, maxDef)) {
      this.#denseRows(repRuns, count);
      this.#reserveOnce();
      builder.reserve(count);
      decodeValues(builder.values, builder.used, values, at, count, encoding, this.leaf, this.#dictionary);
      builder.used += count;
      return;
    }
    // Null vectors or null elements: levels one by one. A null element is kept as NaN, for validation to name.
    const rep = new Uint8Array(count);
    const def = new Uint8Array(count);
    readLevels(repRuns, rep);
    readLevels(defRuns(), def);
    let present = 0;
    for (let i = 0; i < count; ++i) if (def[i] === maxDef) ++present;
    const decoded = new Float32Array(present);
    decodeValues(decoded, 0, values, at, present, encoding, this.leaf, this.#dictionary);
    builder.reserve(count);
    const out = builder.values;
    for (let i = 0, k = 0; i < count; ++i) {
      if (rep[i] === 0) this.#startRow();
      else if (this.#rowLength < 0) throw new Error("a list continues a row that never started");
      if (def[i]! < elementDef) continue;
      out[builder.used++] = def[i] === maxDef ? decoded[k++]! : NaN;
      ++this.#rowLength;
    }
    this.#reserveOnce();
  }

  // Every level is a value: a run of repetition level 1 extends the open row; each 0 starts a row.
  #denseRows(runs: HybridRuns, count: number): void {
    for (let seen = 0; seen < count;) {
      if (!runs.next()) throw new Error(`${seen} repetition levels for ${count} values`);
      const n = Math.min(runs.count, count - seen);
      seen += n;
      if (runs.value === 1 && this.#rowLength >= 0) {
        this.#rowLength += n;
        continue;
      }
      for (let i = 0; i < n; ++i) {
        const level = runs.value >= 0 ? runs.value : runs.packed[i]!;
        if (level === 0) this.#startRow();
        else if (this.#rowLength < 0) throw new Error("a list continues a row that never started");
        ++this.#rowLength;
      }
    }
  }

  #startRow(): void {
    if (this.#rowLength >= 0) this.#builder.endRow(this.#rowLength);
    this.#rowLength = 0;
  }

  // Once the first vector's length is known, room for numRows of them: null vectors then take their zeros in
  // place, with no second buffer.
  #reserveOnce(): void {
    const builder = this.#builder;
    if (this.#reserved || builder.dim < 0) return;
    this.#reserved = true;
    builder.reserve(this.numRows * builder.dim - builder.used, true);
  }

  #decompress(input: Uint8Array, size: number, decompress: Decompressor): Uint8Array {
    // One scratch buffer for all pages: each page is used up before the next one is decompressed.
    if (this.#scratch.length < size) this.#scratch = new Uint8Array(Math.max(size, this.#scratch.length * 2));
    const output = decompress(input, this.#scratch.subarray(0, size));
    if (output.length !== size) throw new Error(`page decompressed to ${output.length} bytes, not ${size}`);
    return output;
  }
}
