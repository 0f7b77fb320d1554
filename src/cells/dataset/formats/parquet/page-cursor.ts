import type {RandomAccess} from "../../sources/index.ts";
import {parquetHeader, type PageHeader} from "./hyparquet.ts";

/** One page as stored: its header and its (compressed) bytes, valid until the cursor moves on. */
export interface RawPage {
  readonly header: PageHeader;
  readonly bytes: Uint8Array;
}

// From a file, pages are read through one window of a few MiB, reused, so that a 150 MB column chunk never
// sits in memory whole next to its decoded values, and reading it makes no garbage. In memory, the window
// is the whole chunk and nothing is copied.
const WINDOW = 8 << 20;
const HEADER_GUESS = 1 << 12;

/** Walks the pages of one column chunk, [start, end) in the file. */
export class PageCursor {
  #buffer: Uint8Array = new Uint8Array(0);
  /** The bytes at hand (a prefix of #buffer, or a view in memory), and the file offset of their first. */
  #window: Uint8Array = new Uint8Array(0);
  #windowStart = 0;
  #position: number;

  constructor(
    readonly file: RandomAccess,
    start: number,
    readonly end: number
  ) {
    this.#position = start;
  }

  async next(): Promise<RawPage | undefined> {
    if (this.#position >= this.end) return undefined;
    let guess = HEADER_GUESS;
    for (;;) {
      await this.#ensure(this.#position, Math.min(guess, this.end - this.#position));
      const offset = this.#position - this.#windowStart;
      const window = this.#window;
      const reader = {view: new DataView(window.buffer, window.byteOffset, window.byteLength), offset};
      let header: PageHeader;
      try {
        header = parquetHeader(reader);
      } catch (error) {
        // A header longer than the bytes at hand (large statistics) reads past them: read more, retry.
        const available = this.#windowStart + window.length - this.#position;
        if (!(error instanceof RangeError) || available >= this.end - this.#position) throw error;
        guess = Math.max(guess * 4, available + 1);
        continue;
      }
      const start = this.#position + (reader.offset - offset);
      const size = header.compressed_page_size;
      if (start + size > this.end) throw new Error(`a page of ${size} bytes runs past its column chunk`);
      this.#position = start + size;
      await this.#ensure(start, size);
      const at = start - this.#windowStart;
      return {header, bytes: this.#window.subarray(at, at + size)};
    }
  }

  /** Makes bytes [from, from + length) of the file available in the window. */
  async #ensure(from: number, length: number): Promise<void> {
    if (from >= this.#windowStart && from + length <= this.#windowStart + this.#window.length) return;
    if (this.file.inMemory) {
      this.#window = await this.file.read(from, this.end - from);
    } else {
      const size = Math.min(Math.max(length, WINDOW), this.end - from);
      if (this.#buffer.length < size) this.#buffer = new Uint8Array(size);
      this.#window = await this.file.read(from, size, this.#buffer);
    }
    this.#windowStart = from;
    if (this.#window.length < length)
      throw new Error(`column chunk cut short at byte ${from + this.#window.length}`);
  }
}
