import {makeData, type Data, type DataType} from "apache-arrow";
import type {RandomAccess} from "../../sources/index.ts";
import type {Decompressor} from "./codecs.ts";
import {dataPage} from "./data-page.ts";
import type {ColumnMetaData} from "./hyparquet.ts";
import {HybridRuns, allLevelsAre, readLevels} from "./levels.ts";
import {chunkRange} from "./metadata.ts";
import {PageCursor} from "./page-cursor.ts";
import {WIDTHS, plainEntries, readIndices, type FlatDictionary} from "./flat-values.ts";
import {toArrowValues, type FlatFastPath} from "./flat-types.ts";

/** Physical types the flat fast path reads. */
export type FlatPhysical = keyof typeof WIDTHS | "BYTE_ARRAY";

/**
 * The fast path for flat columns of numbers, timestamps and strings (PLAIN or dictionary encoded): values go
 * straight into the buffers of an Arrow column (offsets and bytes for strings), without a JS value per row.
 * hyparquet's decoder, which makes one, takes longer for 100k ids than the whole embedding column.
 */
export class FlatColumnReader {
  readonly physical: FlatPhysical;
  readonly #width: number;
  readonly #validity: Uint8Array;
  #nulls = 0;
  #row = 0;
  /** Per-row offsets into #bytes: values of null rows are empty (fixed widths are spread at the end). */
  readonly #offsets: Int32Array;
  #bytes = new Uint8Array(1024);
  #dictionary: FlatDictionary | undefined;

  constructor(
    readonly numRows: number,
    readonly type: DataType,
    readonly fast: FlatFastPath,
    readonly optional: boolean
  ) {
    this.physical = fast.physical;
    this.#width = fast.physical === "BYTE_ARRAY" ? 0 : WIDTHS[fast.physical];
    this.#validity = new Uint8Array(Math.ceil(numRows / 8)).fill(255);
    this.#offsets = new Int32Array(numRows + 1);
  }

  async readChunk(
    file: RandomAccess,
    meta: ColumnMetaData,
    _rows: number,
    decompress: Decompressor
  ): Promise<void> {
    const {start, end} = chunkRange(meta);
    const cursor = new PageCursor(file, start, end);
    this.#dictionary = undefined;
    const unpack = (input: Uint8Array, size: number) => {
      const output = decompress(input, new Uint8Array(size));
      if (output.length !== size) throw new Error(`page decompressed to ${output.length} bytes, not ${size}`);
      return output;
    };
    for (let page = await cursor.next(); page; page = await cursor.next()) {
      const {header, bytes} = page;
      if (header.type === "DICTIONARY_PAGE") {
        const count = header.dictionary_page_header!.num_values;
        this.#dictionary = plainEntries(
          unpack(bytes, header.uncompressed_page_size).slice(),
          0,
          count,
          this.#width
        );
        continue;
      }
      const data = dataPage(header, bytes, unpack, {rep: false, def: this.optional});
      if (data) this.#page(data.count, data.encoding, data.levels, data.def, data.values, data.at);
    }
  }

  #page(
    count: number,
    encoding: string,
    levels: Uint8Array,
    [defStart, defEnd]: readonly [number, number],
    values: Uint8Array,
    at: number
  ): void {
    // Which of the page's rows have a value: all, unless a definition level says null.
    let present: Uint8Array | undefined;
    if (this.optional && !allLevelsAre(new HybridRuns(levels, defStart, defEnd, 1), count, 1)) {
      present = new Uint8Array(count);
      readLevels(new HybridRuns(levels, defStart, defEnd, 1), present);
    }
    let n = count;
    if (present) for (let i = 0; i < count; ++i) if (!present[i]) --n;
    let entries: FlatDictionary;
    let indices: Int32Array | undefined;
    if (encoding === "PLAIN") entries = plainEntries(values, at, n, this.#width);
    else if (encoding === "RLE_DICTIONARY" || encoding === "PLAIN_DICTIONARY") {
      if (!this.#dictionary) throw new Error("dictionary-encoded page without a dictionary");
      entries = this.#dictionary;
      indices = readIndices(values, at, n);
    } else throw new Error(`unsupported encoding ${encoding}`);
    if (this.#row + count > this.numRows) throw new Error(`more than ${this.numRows} rows`);
    this.#append(count, present, entries, indices);
  }

  #append(
    count: number,
    present: Uint8Array | undefined,
    entries: FlatDictionary,
    indices: Int32Array | undefined
  ): void {
    const {offsets: from, bytes: source} = entries;
    const offsets = this.#offsets;
    for (let i = 0, k = 0; i < count; ++i) {
      const row = this.#row++;
      if (present && !present[i]) {
        this.#validity[row >> 3]! &= ~(1 << (row & 7));
        ++this.#nulls;
        offsets[row + 1] = offsets[row]!;
        continue;
      }
      const entry = indices ? indices[k++]! : k++;
      if (entry >= from.length - 1) throw new Error(`dictionary index ${entry} of ${from.length - 1}`);
      const length = from[entry + 1]! - from[entry]!;
      const at = offsets[row]!;
      if (at + length > this.#bytes.length) this.#grow(at + length);
      if (length <= 8) for (let b = 0; b < length; ++b) this.#bytes[at + b] = source[from[entry]! + b]!;
      else this.#bytes.set(source.subarray(from[entry]!, from[entry + 1]!), at);
      offsets[row + 1] = at + length;
    }
  }

  #grow(size: number): void {
    const grown = new Uint8Array(Math.max(size, this.#bytes.length * 2));
    grown.set(this.#bytes);
    this.#bytes = grown;
  }

  finish(): Data {
    const {type, fast} = this;
    const n = this.numRows;
    if (this.#row !== n) throw new Error(`${this.#row} values for ${n} rows`);
    const nulls = this.#nulls ? {nullCount: this.#nulls, nullBitmap: this.#validity} : {nullCount: 0};
    const used = this.#offsets[n]!;
    if (!this.#width) {
      return makeData({
        type,
        length: n,
        ...nulls,
        valueOffsets: this.#offsets,
        data: this.#bytes.subarray(0, used)
      } as never);
    }
    // Fixed widths: values are back to back, unless null rows must take their slot (zeros) first.
    let bytes = this.#bytes.subarray(0, used);
    if (this.#nulls) {
      bytes = new Uint8Array(n * this.#width);
      for (let row = 0; row < n; ++row) {
        const at = this.#offsets[row]!;
        const end = this.#offsets[row + 1]!;
        if (end > at) bytes.set(this.#bytes.subarray(at, end), row * this.#width);
      }
    }
    return makeData({
      type,
      length: n,
      ...nulls,
      data: toArrowValues(bytes, fast.physical, type)
    } as never);
  }
}
