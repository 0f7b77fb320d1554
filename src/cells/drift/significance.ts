import {checkDataset} from "../dataset/check-dataset.ts";
import type {Dataset} from "../dataset/dataset.ts";
import type {TimeRange} from "../dataset/time-range.ts";
import {withinTimeRange} from "../dataset/window.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {pooledSample} from "./vector-sample.ts";

/** Options of `driftSignificance`. */
export interface DriftSignificanceOptions {
  /** The embedding feature's name. */
  readonly embedding: string;
  /**
   * Label shuffles, an integer ≥ 1. The smallest p-value it can give is 1 / (permutations + 1).
   * Default: 1000.
   */
  readonly permutations?: number;
  /**
   * Rows per dataset drawn (seeded) when a dataset has more vectors, an integer ≥ 1; keeps the test fast.
   * Default: 2000.
   */
  readonly maxSamples?: number;
  /** Seed of the sampling and the shuffles. Default: 0. */
  readonly seed?: number;
  /** The primary rows to compare: start ≤ timestamp < end, epoch ms (the reference is taken whole). Default: all. */
  readonly timeRange?: TimeRange;
}

const SIGNIFICANCE_OPTIONS: OptionKeys<DriftSignificanceOptions> = {
  embedding: true,
  permutations: true,
  maxSamples: true,
  seed: true,
  timeRange: true
};

/** What `driftSignificance` finds: the observed distance and how often chance reaches it. */
export interface DriftSignificance {
  /** The centroid distance (embedding drift) between the two samples. */
  readonly distance: number;
  /** Share of label shuffles whose distance is at least the observed one, counting the observed: (1 + b) / (1 + B). */
  readonly pValue: number;
  /** Label shuffles made. */
  readonly permutations: number;
  /** Vectors used per dataset. */
  readonly samples: {readonly primary: number; readonly reference: number};
}

/**
 * Beyond Phoenix: is the embedding drift more than sampling noise? A permutation test of the centroid
 * distance: pool both samples, reassign the dataset labels at random, and count how often the shuffled
 * distance reaches the observed one. Exact for the samples given, whatever the vectors' distribution.
 *
 * @param primary - The production dataset: its vectors in the time range.
 * @param reference - The training dataset: all its vectors.
 * @param options - The embedding feature, the shuffles, the sample size, the seed and the time range.
 */
export function driftSignificance(
  primary: Dataset,
  reference: Dataset,
  options: DriftSignificanceOptions
): DriftSignificance {
  checkDataset("px.driftSignificance", "primary", primary);
  checkDataset("px.driftSignificance", "reference", reference);
  checkOptions("px.driftSignificance", options, SIGNIFICANCE_OPTIONS);
  const permutations = positiveInteger("permutations", options.permutations ?? 1000);
  const maxSamples = positiveInteger("maxSamples", options.maxSamples ?? 2000);
  const {pooled, dim, nx, ny, random} = pooledSample(
    withinTimeRange("px.driftSignificance", primary, options.timeRange),
    reference,
    options.embedding,
    maxSamples,
    seedOf("px.driftSignificance", options.seed)
  );
  if (nx === 0 || ny === 0)
    throw new RangeError(`driftSignificance: ${nx === 0 ? primary.name : reference.name} has no vectors`);
  const n = nx + ny;
  const total = new Float64Array(dim);
  for (let i = 0; i < n; ++i) for (let j = 0; j < dim; ++j) total[j]! += pooled[i * dim + j]!;

  // With S the sum of the first group's vectors, the other group's sum is total − S: one pass per shuffle.
  const order = Int32Array.from({length: n}, (_, i) => i);
  const sum = new Float64Array(dim);
  const distanceOf = () => {
    sum.fill(0);
    for (let i = 0; i < nx; ++i) {
      const offset = order[i]! * dim;
      for (let j = 0; j < dim; ++j) sum[j]! += pooled[offset + j]!;
    }
    let d = 0;
    for (let j = 0; j < dim; ++j) d += (sum[j]! / nx - (total[j]! - sum[j]!) / ny) ** 2;
    return Math.sqrt(d);
  };
  const distance = distanceOf();
  let atLeast = 0;
  for (let p = 0; p < permutations; ++p) {
    for (let i = 0; i < nx; ++i) {
      const j = i + random.below(n - i);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    // A relative tolerance, so that a shuffle equal to the observed split up to rounding counts as reaching it.
    if (distanceOf() >= distance * (1 - 1e-12)) ++atLeast;
  }
  return {
    distance,
    pValue: (1 + atLeast) / (1 + permutations),
    permutations,
    samples: {primary: nx, reference: ny}
  };
}

export function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, not ${value}`);
  return value;
}

/** The seed of a sampled test: a finite number (0 when none). `"x"` and NaN gave the same draws as 0. */
export function seedOf(fn: string, seed: unknown): number {
  if (seed === undefined) return 0;
  if (typeof seed !== "number" || !Number.isFinite(seed))
    throw new TypeError(
      `${fn}: seed must be a finite number, not ${typeof seed === "string" ? JSON.stringify(seed) : String(seed)}`
    );
  return seed;
}
