import type {Dataset, EmbeddingVectors} from "../dataset/dataset.ts";
import {embeddingPair} from "../dataset/pair.ts";
import {Random} from "../random.ts";

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

/** Both datasets' samples of an embedding pooled into one n × dim Float64Array, primary rows first. */
export interface PooledSample {
  readonly pooled: Float64Array;
  readonly dim: number;
  /** Primary and reference vectors in the pool. */
  readonly nx: number;
  readonly ny: number;
  /** The generator, after the sampling: what follows (shuffles) continues its stream. */
  readonly random: Random;
}

/** Samples up to `maxSamples` vectors of each dataset (seeded) and pools them, for the two-sample tests. */
export function pooledSample(
  primary: Dataset,
  reference: Dataset,
  embedding: string,
  maxSamples: number,
  seed: number
): PooledSample {
  const [a, b] = embeddingPair(primary, reference, embedding);
  const random = new Random(seed);
  const x = sampleVectors(a, maxSamples, random);
  const y = sampleVectors(b, maxSamples, random);
  const pooled = new Float64Array(x.length + y.length);
  pooled.set(x);
  pooled.set(y, x.length);
  return {pooled, dim: a.dim, nx: x.length / a.dim, ny: y.length / a.dim, random};
}
