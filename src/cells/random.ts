/**
 * A seeded Tausworthe generator (L'Ecuyer's taus88, the `tau_rand_int` of umap-learn): three 32-bit
 * states, no allocation per draw, the same stream for the same seed on every platform.
 */
export class Random {
  private s1: number;
  private s2: number;
  private s3: number;

  /** `seed` is any finite number; different seeds give unrelated streams. */
  constructor(seed: number) {
    let x = hashSeed(seed);
    x = splitmix32(x);
    this.s1 = ensureAbove(x, 1);
    x = splitmix32(x);
    this.s2 = ensureAbove(x, 7);
    x = splitmix32(x);
    this.s3 = ensureAbove(x, 15);
  }

  /** A uniform unsigned 32-bit integer. */
  int(): number {
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    this.s1 = ((s1 & 0xfffffffe) << 12) ^ (((s1 << 13) ^ s1) >>> 19);
    this.s2 = ((s2 & 0xfffffff8) << 4) ^ (((s2 << 2) ^ s2) >>> 25);
    this.s3 = ((s3 & 0xfffffff0) << 17) ^ (((s3 << 3) ^ s3) >>> 11);
    return (this.s1 ^ this.s2 ^ this.s3) >>> 0;
  }

  /** A uniform integer in [0, n) for n ≤ 2³¹ (by multiplication: a float modulo is slow). */
  below(n: number): number {
    return Math.floor(this.int() * n * 2.3283064365386963e-10);
  }

  /** A uniform float in [0, 1). */
  float(): number {
    return this.int() / 4294967296;
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** A generator at this one's point in the stream: both then draw the same numbers. */
  clone(): Random {
    const copy = new Random(0);
    copy.setState(this);
    return copy;
  }

  /** Moves this generator to `other`'s point in the stream (a clone taken earlier, say). */
  setState(other: Random): void {
    [this.s1, this.s2, this.s3] = [other.s1, other.s2, other.s3];
  }

  /** A new generator for a sub-task, so that one stage's draws never shift another's. */
  fork(tag: number): Random {
    return new Random(this.int() ^ Math.imul(tag + 1, 0x9e3779b1));
  }
}

/** Folds any finite number (fractions and large values included) into 32 bits. */
function hashSeed(seed: number): number {
  const bits = new Float64Array([seed]);
  const words = new Uint32Array(bits.buffer);
  return (words[0]! ^ Math.imul(words[1]!, 0x85ebca6b)) >>> 0;
}

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** taus88 needs each state above a small bound, or its stream degenerates. */
function ensureAbove(x: number, bound: number): number {
  return x > bound ? x | 0 : (x + bound + 1) | 0;
}
