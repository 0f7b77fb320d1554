import type {Dataset} from "../dataset/dataset.ts";
import {embeddingOf} from "../dataset/pair.ts";
import {rowsInTimeRange} from "../dataset/time-range.ts";
import {Random} from "../random.ts";
import type {ResolvedProjectOptions} from "./projection.ts";

/** The points of a projection before it is computed: which dataset and row each comes from, and its vector. */
export interface ProjectionSample {
  /** Per point: PRIMARY (0) or REFERENCE (1); primary points first. */
  readonly dataset: Uint8Array;
  /** Per point: its row in its dataset. */
  readonly row: Int32Array;
  /** Row-major n × dim. */
  readonly vectors: Float32Array;
  /** Vector length. */
  readonly dim: number;
}

/**
 * Phoenix's sampling: per dataset up to `samples` rows that have a vector (primary rows within the time range,
 * every reference row), in random order (seeded here), primary points first.
 *
 * @param datasets - Primary, then reference if any (datasetsOf).
 * @param options - The resolved options; embedding, samples, seed and timeRange choose the points.
 */
export function sampleForProjection(
  datasets: readonly Dataset[],
  options: ResolvedProjectOptions
): ProjectionSample {
  const random = new Random(options.seed);
  const picked = datasets.map((dataset, d) => {
    const embedding = embeddingOf(dataset, options.embedding);
    let candidates = embedding.rows;
    if (d === 0 && options.timeRange) {
      const inRange = new Uint8Array(dataset.table.numRows);
      for (const row of rowsInTimeRange(dataset, options.timeRange)) inRange[row] = 1;
      candidates = candidates.filter((row) => inRange[row] === 1);
    }
    return {embedding, rows: shuffledPrefix(candidates, options.samples, random)};
  });
  const dims = new Set(picked.map((p) => p.embedding.dim));
  if (dims.size > 1) {
    throw new RangeError(
      `project: embedding "${options.embedding}" has ${picked.map((p) => p.embedding.dim).join(" vs ")} dimensions across the datasets`
    );
  }
  const dim = picked[0]!.embedding.dim;
  const n = picked.reduce((sum, p) => sum + p.rows.length, 0);
  const dataset = new Uint8Array(n);
  const row = new Int32Array(n);
  const vectors = new Float32Array(n * dim);
  let i = 0;
  picked.forEach(({embedding, rows}, d) => {
    for (const r of rows) {
      dataset[i] = d;
      row[i] = r;
      vectors.set(embedding.vectors.subarray(r * dim, (r + 1) * dim), i * dim);
      ++i;
    }
  });
  return {dataset, row, vectors, dim};
}

// A uniform random sample of `k` of `rows` in random order: the first k steps of a Fisher–Yates shuffle.
function shuffledPrefix(rows: Int32Array, k: number, random: Random): Int32Array {
  const copy = Int32Array.from(rows);
  const n = Math.min(k, copy.length);
  for (let i = 0; i < n; ++i) {
    const j = i + random.below(copy.length - i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
