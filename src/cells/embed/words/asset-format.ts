/**
 * The word-vector asset (assets/words-50k.bin), little-endian:
 *
 *   0  "PXWV"            magic
 *   4  u32 version (1)
 *   8  u32 count          words
 *  12  u32 dim            dimensions per vector
 *  16  u32 vocabBytes     bytes of the vocabulary at the end
 *  20  u32 reserved (0)
 *  24  f32 × count        per-vector scale: value = int8 × scale
 *      u32 × count        each word's 1-based frequency rank in the source vocabulary (punctuation counted)
 *      i8  × count × dim  the quantized vectors, row-major
 *      UTF-8              the words, in the same order, joined by "\n"
 *
 * Words come in frequency order. One file rather than vectors + vocabulary, so that a page fetches one URL.
 */
export interface WordVectors {
  readonly count: number;
  readonly dim: number;
  /** Per-vector scale of the int8 values. */
  readonly scales: Float32Array;
  /** 1-based frequency rank in the source vocabulary, for Zipf's estimate of a word's probability. */
  readonly ranks: Uint32Array;
  /** count × dim quantized values. */
  readonly vectors: Int8Array;
  /** Each word's row. */
  readonly index: ReadonlyMap<string, number>;
}

const MAGIC = 0x56575850; // "PXWV" read as a little-endian u32
const VERSION = 1;
const HEADER_BYTES = 24;

/** Parses the asset's bytes; throws a RangeError naming what is wrong when they are not one. */
export function decodeWordVectors(bytes: Uint8Array): WordVectors {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER_BYTES || view.getUint32(0, true) !== MAGIC)
    throw new RangeError("not a word-vector asset (bad magic)");
  if (view.getUint32(4, true) !== VERSION)
    throw new RangeError(`word-vector asset version ${view.getUint32(4, true)} (expected ${VERSION})`);
  const count = view.getUint32(8, true);
  const dim = view.getUint32(12, true);
  const vocabBytes = view.getUint32(16, true);
  const scalesAt = HEADER_BYTES;
  const ranksAt = scalesAt + count * 4;
  const vectorsAt = ranksAt + count * 4;
  const vocabAt = vectorsAt + count * dim;
  if (vocabAt + vocabBytes !== bytes.byteLength)
    throw new RangeError(`word-vector asset of ${bytes.byteLength} bytes (expected ${vocabAt + vocabBytes})`);
  // DataView reads: the bytes may sit at any offset (Node pools small buffers); the file is little-endian.
  const scales = new Float32Array(count);
  const ranks = new Uint32Array(count);
  for (let i = 0; i < count; ++i) {
    scales[i] = view.getFloat32(scalesAt + i * 4, true);
    ranks[i] = view.getUint32(ranksAt + i * 4, true);
  }
  const vectors = new Int8Array(bytes.buffer, bytes.byteOffset + vectorsAt, count * dim);
  const words = new TextDecoder().decode(bytes.subarray(vocabAt)).split("\n");
  if (words.length !== count)
    throw new RangeError(`word-vector asset lists ${words.length} words (expected ${count})`);
  const index = new Map<string, number>();
  for (let i = 0; i < count; ++i) index.set(words[i]!, i);
  return {count, dim, scales, ranks, vectors, index};
}

/** The asset's bytes for quantized vectors (see the layout above); used by scripts/embed. */
export function encodeWordVectors(
  words: readonly string[],
  ranks: Uint32Array,
  scales: Float32Array,
  vectors: Int8Array,
  dim: number
): Uint8Array {
  const count = words.length;
  const vocab = new TextEncoder().encode(words.join("\n"));
  const bytes = new Uint8Array(HEADER_BYTES + count * 8 + count * dim + vocab.byteLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, dim, true);
  view.setUint32(16, vocab.byteLength, true);
  for (let i = 0; i < count; ++i) {
    view.setFloat32(HEADER_BYTES + i * 4, scales[i]!, true);
    view.setUint32(HEADER_BYTES + count * 4 + i * 4, ranks[i]!, true);
  }
  const vectorsAt = HEADER_BYTES + count * 8;
  bytes.set(new Uint8Array(vectors.buffer, vectors.byteOffset, count * dim), vectorsAt);
  bytes.set(vocab, vectorsAt + count * dim);
  return bytes;
}
