import type {EmbeddingVectors} from "../dataset/dataset.ts";
import type {Random} from "../random.ts";

/**
 * Up to `max` rows with a vector, drawn without replacement (partial Fisher–Yates), as a contiguous n × dim
 * Float64Array; all of them, in row order, when there are no more than `max`.
 */
export function sampleVectors(embedding: EmbeddingVectors, max: number, random: Random): Float64Array {
  const {dim, vectors} = embedding;
  const rows = Int32Array.from(embedding.rows);
  const n = Math.min(max, rows.length);
  if (n < rows.length) {
    for (let i = 0; i < n; ++i) {
      const j = i + random.below(rows.length - i);
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
  }
  const out = new Float64Array(n * dim);
  for (let i = 0; i < n; ++i) {
    const source = rows[i]! * dim;
    for (let j = 0; j < dim; ++j) out[i * dim + j] = vectors[source + j]!;
  }
  return out;
}
