import {checkOptions, type OptionKeys} from "../../options.ts";
import type {UmapMetric} from "./options.ts";

/** Options of `layoutQuality`. */
export interface QualityOptions {
  /** Neighbourhood size: an integer in [1, n / 2). Default: 15. */
  k?: number;
  /** Distance between input vectors. Default: "euclidean". */
  metric?: UmapMetric;
  /** Points whose neighbourhoods are scored (an unbiased estimate on large sets). Default: every point. */
  queries?: Int32Array;
}

const QUALITY_OPTIONS: OptionKeys<QualityOptions> = {k: true, metric: true, queries: true};

/** How well a layout keeps each point's input-space neighbourhood; both are 1 for a perfect layout. */
export interface LayoutQuality {
  /**
   * Venna & Kaski's trustworthiness, as `sklearn.manifold.trustworthiness`: 1 − 2 / (n·k·(2n − 3k − 1)) ·
   * Σ_i Σ_{j ∈ layout kNN(i) \ input kNN(i)} (rank of j among i's input neighbours − k).
   */
  readonly trustworthiness: number;
  /** Mean over points of |layout kNN ∩ input kNN| / k. */
  readonly knnRecall: number;
}

/**
 * Trustworthiness and kNN recall of `coordinates` (n × nComponents) against `vectors` (n × dim), exactly:
 * distances in float64, ties in input distance ranked by point index (a stable sort), ties in layout
 * distance broken the same way. O(n² · dim) for all queries.
 *
 * @param vectors - Row-major n × dim input vectors.
 * @param dim - Vector length.
 * @param coordinates - Row-major n × nComponents: the layout of the same n points, in the same order.
 * @param nComponents - Coordinates per point.
 * @param options - The neighbourhood size, the input metric and the points scored.
 */
export function layoutQuality(
  vectors: Float32Array,
  dim: number,
  coordinates: Float32Array,
  nComponents: number,
  options: QualityOptions = {}
): LayoutQuality {
  checkOptions("px.layoutQuality", options, QUALITY_OPTIONS);
  const {k = 15, metric = "euclidean", queries} = options;
  const n = vectors.length / dim;
  if (coordinates.length !== n * nComponents)
    throw new Error(`${n} vectors but ${coordinates.length / nComponents} points`);
  if (!(Number.isInteger(k) && k >= 1 && k < n / 2))
    throw new Error(`k must be an integer in [1, n / 2), not ${k}`);
  const norms = metric === "cosine" ? rowNorms(vectors, n, dim) : undefined;
  const inputDistance = new Float64Array(n);
  const layoutNeighbors = new Int32Array(k);
  const layoutDistance = new Float64Array(k);
  const points = queries ?? Int32Array.from({length: n}, (_, i) => i);
  let penalty = 0;
  let hits = 0;
  for (const i of points) {
    for (let j = 0; j < n; ++j) inputDistance[j] = distance(vectors, dim, i, j, norms);
    inputDistance[i] = Infinity;
    nearest(coordinates, nComponents, i, layoutNeighbors, layoutDistance);
    for (const j of layoutNeighbors) {
      const rank = rankOf(inputDistance, j);
      if (rank > k) penalty += rank - k;
      else ++hits;
    }
  }
  const scale = n / points.length;
  return {
    trustworthiness: 1 - (penalty * scale * 2) / (n * k * (2 * n - 3 * k - 1)),
    knnRecall: hits / (points.length * k)
  };
}

/** 1 + the number of points before j in input distance (ties broken by index). */
function rankOf(distances: Float64Array, j: number): number {
  const dj = distances[j]!;
  let rank = 1;
  for (let l = 0; l < distances.length; ++l) {
    const dl = distances[l]!;
    if (dl < dj || (dl === dj && l < j)) ++rank;
  }
  return rank;
}

/** The k nearest other points of i in the layout, by insertion into a sorted list. */
function nearest(
  coordinates: Float32Array,
  dim: number,
  i: number,
  out: Int32Array,
  outDistance: Float64Array
): void {
  const k = out.length;
  outDistance.fill(Infinity);
  out.fill(-1);
  const n = coordinates.length / dim;
  for (let j = 0; j < n; ++j) {
    if (j === i) continue;
    let d2 = 0;
    for (let d = 0; d < dim; ++d) {
      const diff = coordinates[i * dim + d]! - coordinates[j * dim + d]!;
      d2 += diff * diff;
    }
    if (!(d2 < outDistance[k - 1]!)) continue;
    let s = k - 1;
    while (s > 0 && outDistance[s - 1]! > d2) {
      outDistance[s] = outDistance[s - 1]!;
      out[s] = out[s - 1]!;
      --s;
    }
    outDistance[s] = d2;
    out[s] = j;
  }
}

/** Squared Euclidean distance, or cosine distance 1 − cos θ, in float64. */
function distance(
  vectors: Float32Array,
  dim: number,
  i: number,
  j: number,
  norms: Float64Array | undefined
): number {
  const a = i * dim;
  const b = j * dim;
  if (!norms) {
    let sum = 0;
    for (let d = 0; d < dim; ++d) {
      const diff = vectors[a + d]! - vectors[b + d]!;
      sum += diff * diff;
    }
    return sum;
  }
  let dot = 0;
  for (let d = 0; d < dim; ++d) dot += vectors[a + d]! * vectors[b + d]!;
  const scale = norms[i]! * norms[j]!;
  return scale > 0 ? 1 - dot / scale : 1;
}

function rowNorms(vectors: Float32Array, n: number, dim: number): Float64Array {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; ++i) {
    let sum = 0;
    for (let d = 0; d < dim; ++d) sum += vectors[i * dim + d]! ** 2;
    norms[i] = Math.sqrt(sum);
  }
  return norms;
}
