import {readRleBitPackedHybrid} from "./hyparquet.ts";

/** Fixed-width physical types the flat fast path reads, and their widths in bytes. */
export const WIDTHS = {INT32: 4, INT64: 8, FLOAT: 4, DOUBLE: 8} as const;

/** A dictionary page's entries: fixed-width values back to back, or byte arrays with their offsets. */
export interface FlatDictionary {
  readonly bytes: Uint8Array;
  /** Entry i is bytes [offsets[i], offsets[i + 1]); for fixed widths, i × width. */
  readonly offsets: Int32Array;
}

/** Dictionary indices: one RLE/bit-packed hybrid run behind a byte giving their width. */
export function readIndices(page: Uint8Array, at: number, count: number): Int32Array {
  const indices = new Int32Array(count);
  const width = page[at]!;
  const reader = {view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: at + 1};
  if (width && count) readRleBitPackedHybrid(reader, width, indices, page.length - at - 1);
  return indices;
}

/** PLAIN values as dictionary-shaped entries: `count` fixed-width values, or length-prefixed byte arrays. */
export function plainEntries(page: Uint8Array, at: number, count: number, width: number): FlatDictionary {
  const offsets = new Int32Array(count + 1);
  if (width) {
    for (let i = 0; i <= count; ++i) offsets[i] = i * width;
    return {bytes: page.subarray(at, at + count * width), offsets};
  }
  // Byte arrays: a 4-byte length before each; the entries' bytes are gathered back to back.
  const view = new DataView(page.buffer, page.byteOffset, page.byteLength);
  const bytes = new Uint8Array(page.length - at);
  let pos = at;
  for (let i = 0; i < count; ++i) {
    const length = view.getUint32(pos, true);
    if (pos + 4 + length > page.length) throw new Error("byte array past the end of its page");
    bytes.set(page.subarray(pos + 4, pos + 4 + length), offsets[i]!);
    offsets[i + 1] = offsets[i]! + length;
    pos += 4 + length;
  }
  return {bytes: bytes.subarray(0, offsets[count]!), offsets};
}
