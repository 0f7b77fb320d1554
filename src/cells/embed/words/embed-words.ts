import type {Vector} from "apache-arrow";
import {presentRows, rowsWarning, type MethodResult} from "../method-result.ts";
import type {Ticker} from "../ticker.ts";
import {tokenize} from "./tokenize.ts";
import type {WordModel} from "./word-asset.ts";

const ROWS_PER_TICK = 1000;

/**
 * Each text's SIF-weighted average of its known words' vectors (sif.ts says why that weighting), scaled to
 * unit length: text similarity is a matter of direction, and Phoenix's UMAP measures Euclidean distance,
 * which on unit vectors orders neighbours exactly as cosine does. The length normalization also makes SIF's
 * division by the number of words moot. Unknown words are skipped; a text without a known word (or null)
 * gets no vector.
 */
export async function embedWords(
  texts: Vector,
  column: string,
  {words, weights}: WordModel,
  ticker: Ticker
): Promise<MethodResult> {
  const {dim, index, scales, vectors: quantized} = words;
  const n = texts.length;
  const vectors = new Float32Array(n * dim);
  const has = new Uint8Array(n);
  const sum = new Float64Array(dim);
  const known = (word: string) => index.has(word);
  const noWord: number[] = [];
  let noWordCount = 0;
  for (let row = 0; row < n; ++row) {
    if (row % ROWS_PER_TICK === 0) await ticker.tick(row / n, "words");
    const text = texts.get(row) as string | null;
    if (text === null || text === undefined) continue;
    sum.fill(0);
    let found = 0;
    for (const token of tokenize(text, known)) {
      const w = index.get(token);
      if (w === undefined) continue;
      const weight = weights[w]! * scales[w]!;
      const base = w * dim;
      for (let j = 0; j < dim; ++j) sum[j]! += weight * quantized[base + j]!;
      ++found;
    }
    let norm = 0;
    for (let j = 0; j < dim; ++j) norm += sum[j]! * sum[j]!;
    if (found === 0 || norm === 0) {
      if (noWord.length < 5) noWord.push(row);
      ++noWordCount;
      continue;
    }
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < dim; ++j) vectors[row * dim + j] = sum[j]! * scale;
    has[row] = 1;
  }
  await ticker.tick(1, "words");
  const warnings = noWordCount
    ? [rowsWarning(column, noWord, noWordCount, "texts without a known word get no vector")]
    : [];
  return {dim, vectors, rows: presentRows(has), warnings};
}
