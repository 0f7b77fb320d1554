import {checkDataset} from "../dataset/check-dataset.ts";
import type {Dataset} from "../dataset/dataset.ts";
import type {TimeRange} from "../dataset/time-range.ts";
import {withinTimeRange} from "../dataset/window.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {quantileSorted} from "./quantile.ts";
import {positiveInteger, seedOf} from "./significance.ts";
import {pooledSample} from "./vector-sample.ts";

/** Options of `maximumMeanDiscrepancy`. */
export interface MmdOptions {
  /** The embedding feature's name. */
  readonly embedding: string;
  /** Rows per dataset drawn (seeded), an integer ≥ 1; the cost grows with its square. Default: 1000. */
  readonly maxSamples?: number;
  /**
   * RBF kernel bandwidth σ in k(x, y) = exp(−‖x − y‖² / (2σ²)), in the vectors' units; > 0. Default: the
   * median pairwise distance.
   */
  readonly bandwidth?: number;
  /** Label shuffles for a p-value, an integer ≥ 0; 0 for none. Default: 100. */
  readonly permutations?: number;
  /** Seed of the sampling and the shuffles. Default: 0. */
  readonly seed?: number;
  /** The primary rows to compare: start ≤ timestamp < end, epoch ms (the reference is taken whole). Default: all. */
  readonly timeRange?: TimeRange;
}

const MMD_OPTIONS: OptionKeys<MmdOptions> = {
  embedding: true,
  maxSamples: true,
  bandwidth: true,
  permutations: true,
  seed: true,
  timeRange: true
};

/** What `maximumMeanDiscrepancy` finds: MMD², the bandwidth used and a permutation p-value. */
export interface Mmd {
  /** The unbiased estimate of MMD² (it can be slightly negative when the distributions agree). */
  readonly mmd2: number;
  /** The kernel bandwidth σ used (given, or the median pairwise distance), in the vectors' units. */
  readonly bandwidth: number;
  /** (1 + b) / (1 + B) over label shuffles; null without permutations. */
  readonly pValue: number | null;
  /** Vectors used per dataset. */
  readonly samples: {readonly primary: number; readonly reference: number};
}

/**
 * Beyond Phoenix: maximum mean discrepancy with an RBF kernel. Where the centroid distance only sees a shift
 * of the mean, MMD also sees changes of spread and shape (a cluster that splits, a mode that appears).
 *
 * @param primary - The production dataset: its vectors in the time range.
 * @param reference - The training dataset: all its vectors.
 * @param options - The embedding feature, the sample size, the bandwidth, the shuffles, the seed and the time
 *   range.
 */
export function maximumMeanDiscrepancy(primary: Dataset, reference: Dataset, options: MmdOptions): Mmd {
  checkDataset("px.maximumMeanDiscrepancy", "primary", primary);
  checkDataset("px.maximumMeanDiscrepancy", "reference", reference);
  checkOptions("px.maximumMeanDiscrepancy", options, MMD_OPTIONS);
  const maxSamples = positiveInteger("maxSamples", options.maxSamples ?? 1000);
  const permutations = options.permutations ?? 100;
  if (!Number.isInteger(permutations) || permutations < 0)
    throw new RangeError(`permutations must be an integer ≥ 0, not ${permutations}`);
  const {pooled, dim, nx, ny, random} = pooledSample(
    withinTimeRange("px.maximumMeanDiscrepancy", primary, options.timeRange),
    reference,
    options.embedding,
    maxSamples,
    seedOf("px.maximumMeanDiscrepancy", options.seed)
  );
  if (nx < 2 || ny < 2) throw new RangeError("maximumMeanDiscrepancy: each dataset needs at least 2 vectors");
  const n = nx + ny;

  // Squared distances of all pairs once; the kernel and every shuffle reuse them.
  const squared = new Float64Array(n * n);
  for (let i = 0; i < n; ++i) {
    for (let k = i + 1; k < n; ++k) {
      let d = 0;
      for (let j = 0; j < dim; ++j) d += (pooled[i * dim + j]! - pooled[k * dim + j]!) ** 2;
      squared[i * n + k] = squared[k * n + i] = d;
    }
  }
  const bandwidth = options.bandwidth ?? medianDistance(squared, n);
  if (!(bandwidth > 0))
    throw new RangeError(`bandwidth must be > 0, not ${bandwidth} (are all vectors equal?)`);
  const kernel = squared.map((d) => Math.exp(-d / (2 * bandwidth * bandwidth)));
  const group = new Uint8Array(n);
  group.fill(1, nx);
  const mmd2 = unbiasedMmd2(kernel, n, group, nx, ny);
  let pValue: number | null = null;
  if (permutations > 0) {
    let atLeast = 0;
    const shuffled = Int32Array.from({length: n}, (_, i) => i);
    for (let p = 0; p < permutations; ++p) {
      for (let i = n - 1; i > 0; --i) {
        const j = random.below(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      for (let i = 0; i < n; ++i) group[shuffled[i]!] = i < nx ? 0 : 1;
      if (unbiasedMmd2(kernel, n, group, nx, ny) >= mmd2) ++atLeast;
    }
    pValue = (1 + atLeast) / (1 + permutations);
  }
  return {mmd2, bandwidth, pValue, samples: {primary: nx, reference: ny}};
}

// MMD²_u = Σ_{i≠j∈X} k/(m(m−1)) + Σ_{i≠j∈Y} k/(n(n−1)) − 2 Σ_{X×Y} k/(mn)   (Gretton et al. 2012, eq. 3)
function unbiasedMmd2(kernel: Float64Array, n: number, group: Uint8Array, nx: number, ny: number): number {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < n; ++i) {
    for (let k = i + 1; k < n; ++k) {
      const value = kernel[i * n + k]!;
      if (group[i] !== group[k]) xy += value;
      else if (group[i] === 0) xx += value;
      else yy += value;
    }
  }
  return (2 * xx) / (nx * (nx - 1)) + (2 * yy) / (ny * (ny - 1)) - (2 * xy) / (nx * ny);
}

function medianDistance(squared: Float64Array, n: number): number {
  const distances = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; ++i) for (let j = i + 1; j < n; ++j) distances[k++] = Math.sqrt(squared[i * n + j]!);
  return quantileSorted(distances.sort(), 0.5);
}
