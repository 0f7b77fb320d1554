import {byteStreamSplit, readRleBitPackedHybrid} from "./hyparquet.ts";

/** The physical types of embedding values. */
export type FloatLeaf = "FLOAT" | "DOUBLE";

/** A dictionary page's values. */
export type FloatDictionary = Float32Array | Float64Array;

/**
 * Decodes `count` values from `page` at `pos` into `target` at `at`, as Float32 (doubles are rounded).
 * PLAIN floats are one byte copy; dictionary indices are looked up; BYTE_STREAM_SPLIT goes through hyparquet.
 */
export function decodeValues(
  target: Float32Array,
  at: number,
  page: Uint8Array,
  pos: number,
  count: number,
  encoding: string,
  leaf: FloatLeaf,
  dictionary: FloatDictionary | undefined
): void {
  if (count === 0) return;
  if (encoding === "PLAIN") {
    const width = leaf === "FLOAT" ? 4 : 8;
    if (pos + count * width > page.length) throw new Error(`${count} values past the end of the page`);
    const bytes = page.subarray(pos, pos + count * width);
    if (leaf === "FLOAT") new Uint8Array(target.buffer, target.byteOffset + at * 4, count * 4).set(bytes);
    else target.set(float64View(bytes), at);
  } else if (encoding === "RLE_DICTIONARY" || encoding === "PLAIN_DICTIONARY") {
    if (!dictionary) throw new Error("dictionary-encoded page without a dictionary");
    const indices = new Int32Array(count);
    const width = page[pos]!;
    const reader = {view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos + 1};
    if (width) readRleBitPackedHybrid(reader, width, indices, page.length - pos - 1);
    const size = dictionary.length;
    for (let i = 0; i < count; ++i) {
      const index = indices[i]!;
      if (index >= size) throw new Error(`dictionary index ${index} of ${size}`);
      target[at + i] = dictionary[index]!;
    }
  } else if (encoding === "BYTE_STREAM_SPLIT") {
    const reader = {view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos};
    target.set(byteStreamSplit(reader, count, leaf, undefined) as FloatDictionary, at);
  } else {
    throw new Error(`unsupported encoding ${encoding} for ${leaf.toLowerCase()} values`);
  }
}

/** A dictionary page (PLAIN values) as a typed array of its own. */
export function readDictionary(page: Uint8Array, count: number, leaf: FloatLeaf): FloatDictionary {
  const width = leaf === "FLOAT" ? 4 : 8;
  if (count * width > page.length) throw new Error("dictionary page too short");
  const bytes = page.slice(0, count * width);
  return leaf === "FLOAT" ? new Float32Array(bytes.buffer) : new Float64Array(bytes.buffer);
}

// A Float64Array needs an offset that is a multiple of 8; a page's bytes rarely have one: copy them then.
function float64View(bytes: Uint8Array): Float64Array {
  if (bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
  return new Float64Array(bytes.slice().buffer);
}
