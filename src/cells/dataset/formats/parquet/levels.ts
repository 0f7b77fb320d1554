// Repetition and definition levels, read run by run. An embedding column of 100k × 384 floats has 38.4M of
// each; written out one per value they would cost more than the floats themselves. In the RLE/bit-packed
// hybrid encoding, though, they come as a few long runs per row ("383 times 1", "38.4M times 3"), and the
// reader below hands those runs over whole. Levels here are at most 8 bits wide.

/** Reads the hybrid runs in bytes [start, end): an RLE run is `count` × `value`, a bit-packed one `packed`. */
export class HybridRuns {
  /** The current run: its length, and for an RLE run its value (−1 for a bit-packed run). */
  count = 0;
  value = 0;
  /** A bit-packed run's values (the first `count`). */
  packed = new Uint8Array(64);
  #pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start: number,
    readonly end: number,
    readonly width: number
  ) {
    this.#pos = start;
  }

  /** Moves to the next run; false when there is none. */
  next(): boolean {
    if (this.#pos >= this.end) return false;
    const header = this.#varint();
    if (header & 1) {
      const groups = header >>> 1;
      this.count = groups * 8;
      this.value = -1;
      this.#unpack(groups);
    } else {
      this.count = header >>> 1;
      this.value = 0;
      for (let i = 0, bytes = (this.width + 7) >> 3; i < bytes; ++i)
        this.value |= this.bytes[this.#pos++]! << (8 * i);
    }
    if (this.#pos > this.end) throw new Error("level run past the end of its bytes");
    return true;
  }

  #varint(): number {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.bytes[this.#pos++];
      if (byte === undefined) throw new Error("level runs truncated");
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
    }
  }

  // groups × 8 values of `width` bits each, least significant bit first.
  #unpack(groups: number): void {
    const count = groups * 8;
    if (this.packed.length < count) this.packed = new Uint8Array(count);
    const {bytes, width, packed} = this;
    const mask = (1 << width) - 1;
    let bits = 0;
    let held = 0;
    for (let i = 0; i < count; ++i) {
      while (held < width) {
        bits |= (bytes[this.#pos++] ?? 0) << held;
        held += 8;
      }
      packed[i] = bits & mask;
      bits >>>= width;
      held -= width;
    }
  }
}

/** The number of bits a level up to `max` takes. */
export function levelWidth(max: number): number {
  return 32 - Math.clz32(max);
}

/** Whether all `count` levels equal `level`, reading runs only (no level is written out). */
export function allLevelsAre(runs: HybridRuns, count: number, level: number): boolean {
  for (let seen = 0; seen < count;) {
    if (!runs.next()) throw new Error(`${seen} levels for ${count} values`);
    const n = Math.min(runs.count, count - seen);
    if (runs.value >= 0) {
      if (runs.value !== level) return false;
    } else {
      for (let i = 0; i < n; ++i) if (runs.packed[i] !== level) return false;
    }
    seen += n;
  }
  return true;
}

/** Writes out `out.length` levels. */
export function readLevels(runs: HybridRuns, out: Uint8Array): void {
  for (let seen = 0; seen < out.length;) {
    if (!runs.next()) throw new Error(`${seen} levels for ${out.length} values`);
    const n = Math.min(runs.count, out.length - seen);
    if (runs.value >= 0) out.fill(runs.value, seen, seen + n);
    else out.set(runs.packed.subarray(0, n), seen);
    seen += n;
  }
}
