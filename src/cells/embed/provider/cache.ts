/**
 * Vectors kept by content hash across runs, so that embedding the same texts again costs no request. A
 * `Map<string, Float32Array>` is one; so is anything persistent with the same two methods.
 */
export interface EmbeddingCache {
  /** The vector stored under `key` (SHA-256 hex of model, dimensions, text), or undefined; may be async. */
  get(key: string): Float32Array | undefined | Promise<Float32Array | undefined>;
  /** Stores a vector under its key; what it returns (a Map, a promise) is not read. */
  set(key: string, vector: Float32Array): unknown;
}

/** The key of a text's vector: SHA-256 (hex) of the model, the requested dimensions and the text. */
export async function contentKey(
  model: string,
  dimensions: number | undefined,
  text: string
): Promise<string> {
  const bytes = new TextEncoder().encode(`${model}\u0000${dimensions ?? ""}\u0000${text}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/** The module's own cache: the most recent vectors up to a total of 16M floats (64 MB), oldest out first. */
class MemoryCache implements EmbeddingCache {
  readonly #vectors = new Map<string, Float32Array>();
  #floats = 0;

  constructor(readonly maxFloats: number) {}

  get(key: string): Float32Array | undefined {
    return this.#vectors.get(key);
  }

  set(key: string, vector: Float32Array): void {
    if (this.#vectors.has(key) || vector.length > this.maxFloats) return;
    this.#vectors.set(key, vector);
    this.#floats += vector.length;
    for (const [oldest, old] of this.#vectors) {
      if (this.#floats <= this.maxFloats) break;
      this.#vectors.delete(oldest);
      this.#floats -= old.length;
    }
  }

  clear(): void {
    this.#vectors.clear();
    this.#floats = 0;
  }
}

export const memoryCache = new MemoryCache(16 * 1024 * 1024);
