/**
 * A dictionary of byte strings (UTF-8 text), for discrete bins: each distinct value gets a code, 1, 2, … in
 * order of first appearance, found by hashing the bytes where they lie in an Arrow column (no string is made
 * per row; the labels are decoded once per distinct value). Values of up to four bytes are compared as one
 * integer; longer ones by their hash, then their bytes, kept in a pool.
 */
export class TextKeys {
  /** Distinct values so far. */
  size = 0;
  // Open addressing, linear probing, at most half full; per slot its value's code (0: empty), first four
  // bytes (little-endian), length and hash, side by side so that a probe waits on one load.
  private codes = new Int32Array(64);
  private heads = new Int32Array(64);
  private lengths = new Int32Array(64);
  private hashes = new Int32Array(64);
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
    let {codes, heads, lengths} = this;
    // Null values are empty in the files we know: then only empty values need their validity bit read.
    const everyRow = bitmap !== null && !nullsEmpty(bitmap, bitOffset, offsets, length);
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
      if (n > 4) {
        out[at + i] = this.longCode(bytes, start, n);
        ({codes, heads, lengths} = this);
        continue;
      }
      let head = 0;
      if (n === 4)
        head =
          bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 24);
      else if (n === 3) head = bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16);
      else if (n === 2) head = bytes[start]! | (bytes[start + 1]! << 8);
      else if (n === 1) head = bytes[start]!;
      let hash = Math.imul(head ^ n, 0x9e3779b1);
      hash ^= hash >>> 15;
      const mask = codes.length - 1;
      let slot = hash & mask;
      let code = codes[slot]!;
      while (code !== 0 && (heads[slot] !== head || lengths[slot] !== n)) {
        slot = (slot + 1) & mask;
        code = codes[slot]!;
      }
      if (code === 0) {
        code = this.add(slot, hash, head, bytes, start, n);
        ({codes, heads, lengths} = this);
      }
      out[at + i] = code;
    }
  }

  // The code of a value longer than four bytes: hashed over all its bytes, compared by hash, then bytes.
  private longCode(bytes: Uint8Array, start: number, n: number): number {
    const head =
      bytes[start]! | (bytes[start + 1]! << 8) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 24);
    let hash = Math.imul(head ^ n, 0x9e3779b1);
    for (let k = 4; k < n; ++k) hash = Math.imul(hash ^ bytes[start + k]!, 0x01000193);
    hash ^= hash >>> 15;
    const mask = this.codes.length - 1;
    let slot = hash & mask;
    let code = this.codes[slot]!;
    while (code !== 0) {
      if (this.hashes[slot] === hash && this.lengths[slot] === n && this.sameBytes(code, bytes, start, n))
        return code;
      slot = (slot + 1) & mask;
      code = this.codes[slot]!;
    }
    return this.add(slot, hash, head, bytes, start, n);
  }

  /** The distinct values' bytes, by code − 1. */
  values(): Uint8Array[] {
    return this.slotOf.map((slot, i) => {
      const n = this.lengths[slot]!;
      if (n > 4) return this.pool.slice(this.starts[i]!, this.starts[i]! + n);
      return Uint8Array.from({length: n}, (_, k) => (this.heads[slot]! >>> (8 * k)) & 0xff);
    });
  }

  private sameBytes(code: number, bytes: Uint8Array, start: number, n: number): boolean {
    const from = this.starts[code - 1]!;
    for (let k = 0; k < n; ++k) if (this.pool[from + k] !== bytes[start + k]) return false;
    return true;
  }

  private add(slot: number, hash: number, head: number, bytes: Uint8Array, start: number, n: number): number {
    const code = ++this.size;
    this.codes[slot] = code;
    this.heads[slot] = head;
    this.lengths[slot] = n;
    this.hashes[slot] = hash;
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
    if (2 * this.size > this.codes.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const old = {codes: this.codes, heads: this.heads, lengths: this.lengths, hashes: this.hashes};
    const size = 2 * old.codes.length;
    this.codes = new Int32Array(size);
    this.heads = new Int32Array(size);
    this.lengths = new Int32Array(size);
    this.hashes = new Int32Array(size);
    const mask = size - 1;
    this.slotOf.forEach((from, i) => {
      let slot = old.hashes[from]! & mask;
      while (this.codes[slot] !== 0) slot = (slot + 1) & mask;
      this.codes[slot] = i + 1;
      this.heads[slot] = old.heads[from]!;
      this.lengths[slot] = old.lengths[from]!;
      this.hashes[slot] = old.hashes[from]!;
      this.slotOf[i] = slot;
    });
  }
}

/** Whether every null value of the chunk (bit offset + i of the validity bitmap 0) has no bytes. */
function nullsEmpty(bitmap: Uint8Array, offset: number, offsets: Int32Array, length: number): boolean {
  for (let i = 0; i < length; ++i) {
    const bit = offset + i;
    if ((bit & 7) === 0 && bitmap[bit >> 3] === 0xff && i + 8 <= length) i += 7;
    else if ((bitmap[bit >> 3]! & (1 << (bit & 7))) === 0 && offsets[i + 1] !== offsets[i]) return false;
  }
  return true;
}
