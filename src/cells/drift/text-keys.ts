import {everyNull} from "./null-bits.ts";

/**
 * A dictionary of byte strings (UTF-8 text), for discrete bins: each distinct value gets a code, 1, 2, … in
 * order of first appearance, found by hashing the bytes where they lie in an Arrow column (no string is made
 * per row; the labels are decoded once per distinct value). A value of up to three bytes is one integer, its
 * key (its bytes and its length), compared at once; longer ones are compared by hash, then bytes.
 */
export class TextKeys {
  /** Distinct values so far. */
  size = 0;
  // Two tables, open addressing, linear probing, at most a quarter full (a probe then rarely goes past its
  // first slot), slots of two integers side by side: short values' (key, code), long values' (hash, code);
  // code 0 marks an empty slot.
  private short = new KeyTable(true);
  private long = new KeyTable(false);
  // Every distinct value's bytes, by code − 1: from starts[i], lengths[i] long, in the pool.
  private pool = new Uint8Array(256);
  private poolSize = 0;
  private starts: number[] = [];
  private lengths: number[] = [];

  /**
   * Writes the code of values first … first + length − 1 of a Utf8 chunk (bytes, offsets) to out[at + i],
   * 0 for nulls (value first + i's validity at bit `bitOffset + i`; null values hold no bytes that matter).
   */
  encode(
    bytes: Uint8Array,
    offsets: Int32Array,
    first: number,
    length: number,
    bitmap: Uint8Array | null,
    bitOffset: number,
    out: Int32Array,
    at: number
  ): void {
    // Null values are empty in the files we know: then only empty values need their validity bit read.
    if (bitmap !== null && !nullsEmpty(bitmap, bitOffset, offsets, first, length)) {
      for (let i = 0; i < length; ++i) {
        const bit = bitOffset + i;
        const start = offsets[first + i]!;
        const n = offsets[first + i + 1]! - start;
        out[at + i] = (bitmap[bit >> 3]! & (1 << (bit & 7))) === 0 ? 0 : this.code(bytes, start, n);
      }
      return;
    }
    // Four bytes are read at once (one load, not four) from any start up to lastWord, then masked to the
    // value's length, so that values of 1 to 3 bytes take one path without a branch on their length; the
    // values that start after lastWord (the last few bytes' worth) are left to the end.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const lastWord = bytes.length - 4;
    // (Blocks but the last end before it: one look at their last value.)
    let [lo, hi] = offsets[first + length - 1]! <= lastWord ? [length, length] : [0, length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[first + mid]! <= lastWord) lo = mid + 1;
      else hi = mid;
    }
    const wordEnd = lo;
    // The short table in locals (reloaded after an insertion, which may grow it): this loop is the hot one.
    let {slots, shift} = this.short;
    let start = offsets[first]!;
    for (let i = 0; i < wordEnd; ++i) {
      const end = offsets[first + i + 1]!;
      const n = end - start;
      // One branch, rarely taken, for empty values (maybe null) and long ones.
      if ((n - 1) >>> 0 > 2) {
        out[at + i] = n === 0 && !valid(bitmap, bitOffset + i) ? 0 : this.code(bytes, start, n);
        ({slots, shift} = this.short);
        start = end;
        continue;
      }
      // The bytes in the low three bytes, the length + 1 in the top one: distinct values, distinct keys ≠ 0.
      const key = (view.getInt32(start, true) & HEAD_MASKS[n]!) | ((n + 1) << 24);
      const mask = slots.length - 2;
      let slot = (Math.imul(key, 0x9e3779b1) >>> shift) << 1;
      let found = slots[slot]!;
      while (found !== key && found !== 0) {
        slot = (slot + 2) & mask;
        found = slots[slot]!;
      }
      if (found === 0) {
        out[at + i] = this.add(this.short, slot, key, bytes, start, n);
        ({slots, shift} = this.short);
      } else out[at + i] = slots[slot + 1]!;
      start = end;
    }
    for (let i = wordEnd; i < length; ++i) {
      const start = offsets[first + i]!;
      const n = offsets[first + i + 1]! - start;
      out[at + i] = n === 0 && !valid(bitmap, bitOffset + i) ? 0 : this.code(bytes, start, n);
    }
  }

  /** The code of a value that is not null, row by row. */
  private code(bytes: Uint8Array, start: number, n: number): number {
    return n > 3 ? this.longCode(bytes, start, n) : this.shortCode(shortKey(bytes, start, n));
  }

  // The code of a short value's key (a value near the end of the bytes).
  private shortCode(key: number): number {
    const {short} = this;
    const {slots} = short;
    const mask = slots.length - 2;
    let slot = (Math.imul(key, 0x9e3779b1) >>> short.shift) << 1;
    while (slots[slot] !== 0) {
      if (slots[slot] === key) return slots[slot + 1]!;
      slot = (slot + 2) & mask;
    }
    return this.add(short, slot, key, null, 0, 0);
  }

  // The code of a value longer than three bytes: hashed over all its bytes, compared by hash, then bytes.
  private longCode(bytes: Uint8Array, start: number, n: number): number {
    let hash = Math.imul(n, 0x9e3779b1);
    for (let k = 0; k < n; ++k) hash = Math.imul(hash ^ bytes[start + k]!, 0x01000193);
    hash ^= hash >>> 15;
    const {long} = this;
    const {slots} = long;
    const mask = slots.length - 2;
    let slot = (hash >>> long.shift) << 1;
    for (let code = slots[slot + 1]!; code !== 0; code = slots[slot + 1]!) {
      if (slots[slot] === hash && this.sameBytes(code, bytes, start, n)) return code;
      slot = (slot + 2) & mask;
    }
    return this.add(long, slot, hash, bytes, start, n);
  }

  /** The distinct values' bytes, by code − 1. */
  values(): Uint8Array[] {
    return this.starts.map((start, i) => this.pool.slice(start, start + this.lengths[i]!));
  }

  private sameBytes(code: number, bytes: Uint8Array, start: number, n: number): boolean {
    if (this.lengths[code - 1] !== n) return false;
    const from = this.starts[code - 1]!;
    for (let k = 0; k < n; ++k) if (this.pool[from + k] !== bytes[start + k]) return false;
    return true;
  }

  // A new code at `slot` of `table`, for `key` (short) or `hash` (long); a short value's bytes are in its key
  // when `bytes` is null.
  private add(
    table: KeyTable,
    slot: number,
    key: number,
    bytes: Uint8Array | null,
    start: number,
    n: number
  ): number {
    const code = ++this.size;
    if (bytes === null) {
      n = (key >>> 24) - 1;
      bytes = Uint8Array.from({length: n}, (_, k) => (key >>> (8 * k)) & 0xff);
      start = 0;
    }
    if (this.poolSize + n > this.pool.length) {
      const pool = new Uint8Array(Math.max(2 * this.pool.length, this.poolSize + n));
      pool.set(this.pool);
      this.pool = pool;
    }
    this.pool.set(bytes.subarray(start, start + n), this.poolSize);
    this.starts.push(this.poolSize);
    this.lengths.push(n);
    this.poolSize += n;
    table.insert(slot, key, code);
    return code;
  }
}

/**
 * Slots of (key, code) pairs, a key's slot the top log2(slots) = 32 − shift bits of its hash: short values'
 * keys are hashed first (`hashed`), long values' keys are their hashes.
 */
class KeyTable {
  slots = new Int32Array(2 * MIN_SLOTS);
  shift = 32 - Math.log2(MIN_SLOTS);
  private filled = 0;

  constructor(readonly hashed: boolean) {}

  insert(slot: number, key: number, code: number): void {
    this.slots[slot] = key;
    this.slots[slot + 1] = code;
    if (4 * ++this.filled > this.slots.length / 2) this.grow();
  }

  // Twice the slots; each entry moves to the first free slot from its hash's new top bits.
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length);
    const shift = this.shift - 1;
    const mask = slots.length - 2;
    for (let from = 0; from < old.length; from += 2) {
      const code = old[from + 1]!;
      if (code === 0) continue;
      const key = old[from]!;
      let slot = ((this.hashed ? Math.imul(key, 0x9e3779b1) : key) >>> shift) << 1;
      while (slots[slot + 1] !== 0) slot = (slot + 2) & mask;
      slots[slot] = key;
      slots[slot + 1] = code;
    }
    [this.slots, this.shift] = [slots, shift];
  }
}

const MIN_SLOTS = 256;
/** The bytes of a value of n ≤ 3 bytes in a little-endian word: its n low bytes. */
const HEAD_MASKS = Int32Array.from([0, 0xff, 0xffff, 0xffffff]);

// The key of a value of n ≤ 3 bytes, read one by one (near the end of the bytes).
function shortKey(bytes: Uint8Array, start: number, n: number): number {
  let head = 0;
  for (let k = 0; k < n; ++k) head |= bytes[start + k]! << (8 * k);
  return head | ((n + 1) << 24);
}

function valid(bitmap: Uint8Array | null, bit: number): boolean {
  return bitmap === null || (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/** Whether every null value first + i (bit offset + i of the validity bitmap 0) has no bytes. */
function nullsEmpty(
  bitmap: Uint8Array,
  offset: number,
  offsets: Int32Array,
  first: number,
  length: number
): boolean {
  return everyNull(bitmap, offset, length, (i) => offsets[first + i + 1] === offsets[first + i]);
}
