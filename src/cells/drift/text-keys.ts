import {everyNull} from "./null-bits.ts";

/**
 * A dictionary of byte strings (UTF-8 text), for discrete bins: each distinct value gets a code, 1, 2, … in
 * order of first appearance, found by hashing the bytes where they lie in an Arrow column (no string is made
 * per row; the labels are decoded once per distinct value). Values of up to four bytes are compared as one
 * integer; longer ones by their hash, then their bytes, kept in a pool.
 */
export class TextKeys {
  /** Distinct values so far. */
  size = 0;
  // Open addressing, linear probing, at most a quarter full (a probe then rarely goes past its first slot);
  // per slot four integers side by side, so that a probe reads one cache line: the value's code (0: empty),
  // its first four bytes (little-endian, zero-padded), its length and its 32-bit hash.
  private table = new Int32Array(4 * MIN_SLOTS);
  /** Slots are the hash's top bits: 32 − log2(slots). */
  private shift = 32 - Math.log2(MIN_SLOTS);
  /** Per code − 1, its slot. */
  private slotOf: number[] = [];
  private pool = new Uint8Array(256);
  private poolSize = 0;
  private starts: number[] = []; // per code − 1, its bytes in the pool

  /**
   * Writes the code of each value of a Utf8 chunk to out[at + i], 0 for nulls (validity bitmap from bit
   * `bitOffset`; null values hold no bytes that matter).
   */
  encode(
    bytes: Uint8Array,
    offsets: Int32Array,
    length: number,
    bitmap: Uint8Array | null,
    bitOffset: number,
    out: Int32Array,
    at: number
  ): void {
    // The table in locals (reloaded after an insertion, which may grow it): this loop is the hot one.
    let {table, shift} = this;
    // Null values are empty in the files we know: then only empty values need their validity bit read.
    const everyRow = bitmap !== null && !nullsEmpty(bitmap, bitOffset, offsets, length);
    // Four bytes can be read at once from any start up to here; a short value's are then masked to its
    // length, so that values of 1 to 4 bytes take one path, without a branch on their length to mispredict.
    const lastWord = bytes.length - 4;
    for (let i = 0; i < length; ++i) {
      const start = offsets[i]!;
      const n = offsets[i + 1]! - start;
      if ((n === 0 || everyRow) && bitmap !== null) {
        const bit = bitOffset + i;
        if ((bitmap[bit >> 3]! & (1 << (bit & 7))) === 0) {
          out[at + i] = 0;
          continue;
        }
      }
      if (n > 4 || start > lastWord) {
        out[at + i] = n > 4 ? this.longCode(bytes, start, n) : this.shortCode(bytes, start, n);
        ({table, shift} = this);
        continue;
      }
      const word =
        bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 24);
      const head = word & HEAD_MASKS[n]!;
      const hash = Math.imul(head ^ n, 0x9e3779b1);
      const mask = table.length - 4;
      let slot = (hash >>> shift) << 2;
      let code = table[slot]!;
      while (code !== 0 && (table[slot + 1] !== head || table[slot + 2] !== n)) {
        slot = (slot + 4) & mask;
        code = table[slot]!;
      }
      if (code === 0) {
        code = this.add(slot, hash, head, bytes, start, n);
        ({table, shift} = this);
      }
      out[at + i] = code;
    }
  }

  // The code of a value of up to four bytes, read one by one (near the end of the bytes).
  private shortCode(bytes: Uint8Array, start: number, n: number): number {
    let head = 0;
    for (let k = 0; k < n; ++k) head |= bytes[start + k]! << (8 * k);
    const hash = Math.imul(head ^ n, 0x9e3779b1);
    const {table} = this;
    const mask = table.length - 4;
    let slot = (hash >>> this.shift) << 2;
    let code = table[slot]!;
    while (code !== 0) {
      if (table[slot + 1] === head && table[slot + 2] === n) return code;
      slot = (slot + 4) & mask;
      code = table[slot]!;
    }
    return this.add(slot, hash, head, bytes, start, n);
  }

  // The code of a value longer than four bytes: hashed over all its bytes, compared by hash, then bytes.
  private longCode(bytes: Uint8Array, start: number, n: number): number {
    const head =
      bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 24);
    let hash = Math.imul(head ^ n, 0x9e3779b1);
    for (let k = 4; k < n; ++k) hash = Math.imul(hash ^ bytes[start + k]!, 0x01000193);
    hash ^= hash >>> 15;
    const {table} = this;
    const mask = table.length - 4;
    let slot = (hash >>> this.shift) << 2;
    let code = table[slot]!;
    while (code !== 0) {
      if (table[slot + 3] === hash && table[slot + 2] === n && this.sameBytes(code, bytes, start, n))
        return code;
      slot = (slot + 4) & mask;
      code = table[slot]!;
    }
    return this.add(slot, hash, head, bytes, start, n);
  }

  /** The distinct values' bytes, by code − 1. */
  values(): Uint8Array[] {
    const {table} = this;
    return this.slotOf.map((slot, i) => {
      const [head, n] = [table[slot + 1]!, table[slot + 2]!];
      if (n > 4) return this.pool.slice(this.starts[i]!, this.starts[i]! + n);
      return Uint8Array.from({length: n}, (_, k) => (head >>> (8 * k)) & 0xff);
    });
  }

  private sameBytes(code: number, bytes: Uint8Array, start: number, n: number): boolean {
    const from = this.starts[code - 1]!;
    for (let k = 0; k < n; ++k) if (this.pool[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private add(slot: number, hash: number, head: number, bytes: Uint8Array, start: number, n: number): number {
    const code = ++this.size;
    this.table.set([code, head, n, hash], slot);
    this.slotOf.push(slot);
    this.starts.push(this.poolSize);
    if (n > 4) {
      if (this.poolSize + n > this.pool.length) {
        const pool = new Uint8Array(Math.max(2 * this.pool.length, this.poolSize + n));
        pool.set(this.pool);
        this.pool = pool;
      }
      this.pool.set(bytes.subarray(start, start + n), this.poolSize);
      this.poolSize += n;
    }
    if (16 * this.size > this.table.length) this.rehash();
    return code;
  }

  // Twice the slots; each value moves to the first free slot from its hash's new top bits.
  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(2 * old.length);
    const shift = this.shift - 1;
    const mask = table.length - 4;
    this.slotOf.forEach((from, i) => {
      let slot = (old[from + 3]! >>> shift) << 2;
      while (table[slot] !== 0) slot = (slot + 4) & mask;
      table.set(old.subarray(from, from + 4), slot);
      this.slotOf[i] = slot;
    });
    [this.table, this.shift] = [table, shift];
  }
}

const MIN_SLOTS = 256;
/** The bytes of a value of n ≤ 4 bytes in a little-endian word: its n low bytes. */
const HEAD_MASKS = Int32Array.from([0, 0xff, 0xffff, 0xffffff, -1]);

/** Whether every null value of the chunk (bit offset + i of the validity bitmap 0) has no bytes. */
function nullsEmpty(bitmap: Uint8Array, offset: number, offsets: Int32Array, length: number): boolean {
  return everyNull(bitmap, offset, length, (i) => offsets[i + 1] === offsets[i]);
}
