import {checkDataset} from "../dataset/check-dataset.ts";
import type {Dataset, EmbeddingVectors} from "../dataset/dataset.ts";
import {embeddingOf} from "../dataset/pair.ts";
import type {RowsSelection} from "../export/selection.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {NeighborQueue} from "./neighbor-queue.ts";

/** Options of `similar`. */
export interface SimilarOptions {
  /** The embedding feature (a key of the schema's embeddings) whose vectors are compared. Required. */
  readonly embedding: string;
  /** The rows to find examples like: rows of the primary and of the reference dataset. Required, not empty. */
  readonly rows: RowsSelection;
  /** How many rows to return, 1 to 10,000. Default: 10. */
  readonly k?: number;
  /** `"euclidean"` (the distance between vectors) or `"cosine"` (1 − their cosine similarity). Default: `"euclidean"`. */
  readonly metric?: "euclidean" | "cosine";
  /**
   * `"rows"`: a candidate's distance is to the nearest of the given rows; `"centroid"`: to their mean vector.
   * Default: `"rows"`.
   */
  readonly to?: "rows" | "centroid";
  /** Whether the given rows themselves may be returned. Default: false. */
  readonly includeGiven?: boolean;
}

const SIMILAR_OPTIONS: OptionKeys<SimilarOptions> = {
  embedding: true,
  rows: true,
  k: true,
  metric: true,
  to: true,
  includeGiven: true
};

/**
 * The rows found, nearest first; as a RowsSelection (`primary`, `reference`) it is what `exportRows` takes.
 * The ranked arrays are parallel: the i-th nearest is row `row[i]` of dataset `dataset[i]` at `distance[i]`.
 */
export interface SimilarRows {
  /** Rows of the primary dataset among the nearest, nearest first. */
  readonly primary: Int32Array;
  /** Rows of the reference dataset among the nearest, nearest first (empty without a reference). */
  readonly reference: Int32Array;
  /** 0 (primary) or 1 (reference), per rank. */
  readonly dataset: Uint8Array;
  /** The row within its dataset, per rank. */
  readonly row: Int32Array;
  /** The distance in the metric, per rank, ascending. */
  readonly distance: Float64Array;
  /** The metric the distances are in. */
  readonly metric: "euclidean" | "cosine";
}

const NAMES = ["primary", "reference"] as const;
const MAX_K = 10_000;
// Multiply-adds of an exact search to the nearest given row (given × candidates × dimensions): about two
// seconds in a cell, which holds the page meanwhile. Past it, the centroid (one vector) is what answers.
const MAX_WORK = 4e9;

/**
 * Phoenix's "find similar examples": the k rows of the datasets nearest, in the embedding's original space, to
 * the given rows (or to their centroid). Exact: every row with a vector (in a window, those in the window) is
 * compared; ties go to the primary dataset, then the lower row. Rows without a vector are never returned.
 *
 * @param datasets - A dataset, or [primary] or [primary, reference]; both are searched.
 * @param options - The embedding, the given rows, k, the metric and what to measure from.
 */
export function similar(datasets: Dataset | readonly Dataset[], options: SimilarOptions): SimilarRows {
  checkOptions("px.similar", options, SIMILAR_OPTIONS);
  const list: readonly Dataset[] = Array.isArray(datasets) ? datasets : [datasets as Dataset];
  if (list.length < 1 || list.length > 2)
    throw new RangeError(
      `px.similar: expected [primary] or [primary, reference], not ${list.length} datasets`
    );
  list.forEach((dataset, d) => checkDataset("px.similar", d ? "the reference" : "the primary", dataset));
  if (typeof options?.embedding !== "string")
    throw new TypeError("px.similar: options.embedding (the embedding feature's name) is required");
  const k = options.k ?? 10;
  if (!(Number.isInteger(k) && k >= 1 && k <= MAX_K))
    throw new RangeError(`px.similar: k must be an integer from 1 to ${MAX_K}, not ${k}`);
  const metric = options.metric ?? "euclidean";
  if (metric !== "euclidean" && metric !== "cosine")
    throw new RangeError(
      `px.similar: unknown metric ${JSON.stringify(metric)} (expected "euclidean" or "cosine")`
    );
  const to = options.to ?? "rows";
  if (to !== "rows" && to !== "centroid")
    throw new RangeError(`px.similar: unknown to ${JSON.stringify(to)} (expected "rows" or "centroid")`);

  const embeddings = list.map((dataset) => embeddingOf(dataset, options.embedding));
  const dim = embeddings.find((e) => e.rows.length > 0)?.dim ?? 0;
  embeddings.forEach((e, d) => {
    if (e.rows.length > 0 && e.dim !== dim)
      throw new RangeError(
        `px.similar: embedding "${options.embedding}" has ${dim} dimensions in ${list[0]!.name} but ${e.dim} in ${list[d]!.name}`
      );
  });
  const given = givenRows(list, embeddings, options.rows);
  if (to === "rows") {
    const count = given.reduce((sum, set) => sum + set.size, 0);
    const candidates = embeddings.reduce((sum, e) => sum + e.rows.length, 0);
    if (count * candidates * dim > MAX_WORK)
      throw new RangeError(
        `px.similar: ${count.toLocaleString("en-US")} given rows × ${candidates.toLocaleString("en-US")} candidates is too much for an exact search to the nearest given row; pass to: "centroid" (or fewer rows)`
      );
  }
  const queries = queryVectors(embeddings, given, dim, metric, to);
  const queue = new NeighborQueue(k);
  const candidate = new Float32Array(dim);
  embeddings.forEach((embedding, d) => {
    const skip = options.includeGiven ? null : given[d]!;
    for (const row of embedding.rows) {
      if (skip?.has(row)) continue;
      candidate.set(embedding.vectors.subarray(row * dim, (row + 1) * dim));
      if (metric === "cosine") normalize(candidate);
      const distance = nearest(queries, candidate, dim, metric);
      queue.offer(distance, d, row);
    }
  });
  return ranked(queue, metric);
}

/** The given rows of each dataset, checked: in range and with a vector. */
function givenRows(
  datasets: readonly Dataset[],
  embeddings: readonly EmbeddingVectors[],
  selection: RowsSelection
): Set<number>[] {
  if (selection === null || typeof selection !== "object")
    throw new TypeError("px.similar: options.rows must be {primary: rows, reference: rows}");
  const picks = [selection.primary ?? [], selection.reference ?? []];
  if (picks[1]!.length > 0 && datasets.length < 2)
    throw new RangeError("px.similar: reference rows were given but there is no reference dataset");
  const sets = datasets.map((dataset, d) => {
    const hasVector = new Uint8Array(dataset.table.numRows);
    for (const row of embeddings[d]!.rows) hasVector[row] = 1;
    const set = new Set<number>();
    const pick = picks[d]!;
    for (let i = 0; i < pick.length; ++i) {
      const row = pick[i]!;
      if (!(Number.isInteger(row) && row >= 0 && row < hasVector.length))
        throw new RangeError(
          `px.similar: ${NAMES[d]} row ${row} is out of range (${dataset.name} has rows 0 to ${hasVector.length - 1})`
        );
      if (!hasVector[row])
        throw new RangeError(
          `px.similar: ${NAMES[d]} row ${row} of ${dataset.name} has no vector to compare`
        );
      set.add(row);
    }
    return set;
  });
  if (sets.every((set) => set.size === 0)) throw new RangeError("px.similar: options.rows selects no rows");
  return sets;
}

/** The vectors measured from, one per row of a dim-wide Float32Array: the given rows', or their centroid. */
function queryVectors(
  embeddings: readonly EmbeddingVectors[],
  given: readonly Set<number>[],
  dim: number,
  metric: "euclidean" | "cosine",
  to: "rows" | "centroid"
): Float32Array {
  const count = given.reduce((sum, set) => sum + set.size, 0);
  const rows = new Float32Array(count * dim);
  let q = 0;
  given.forEach((set, d) => {
    const {vectors} = embeddings[d]!;
    for (const row of set) {
      const vector = rows.subarray(q * dim, (q + 1) * dim);
      vector.set(vectors.subarray(row * dim, (row + 1) * dim));
      // Cosine compares directions: the centroid of unit vectors is the mean direction of the given rows.
      if (metric === "cosine") normalize(vector);
      ++q;
    }
  });
  if (to === "rows") return rows;
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; ++i) for (let j = 0; j < dim; ++j) mean[j]! += rows[i * dim + j]!;
  const centroid = Float32Array.from(mean, (sum) => sum / count);
  if (metric === "cosine") normalize(centroid);
  return centroid;
}

/**
 * The distance from `candidate` to the nearest query vector: squared Euclidean (its root is taken once per
 * result, in `ranked`), or for cosine 1 − the dot product of unit vectors (a zero vector, left unscaled, is at
 * distance 1 from everything, as scikit-learn's cosine_distances has it).
 */
function nearest(
  queries: Float32Array,
  candidate: Float32Array,
  dim: number,
  metric: "euclidean" | "cosine"
): number {
  let best = Infinity;
  const n = queries.length / dim;
  for (let q = 0; q < n; ++q) {
    const d =
      metric === "euclidean"
        ? squaredDistanceTo(queries, q * dim, candidate, dim)
        : 1 - dotWith(queries, q * dim, candidate, dim);
    if (d < best) best = d;
  }
  return best;
}

// Two accumulators: the loop is bound by the subtraction's dependency chain, not by memory.
function squaredDistanceTo(a: Float32Array, offset: number, b: Float32Array, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let j = 0;
  for (; j + 1 < dim; j += 2) {
    const x0 = a[offset + j]! - b[j]!;
    const x1 = a[offset + j + 1]! - b[j + 1]!;
    s0 += x0 * x0;
    s1 += x1 * x1;
  }
  if (j < dim) {
    const x = a[offset + j]! - b[j]!;
    s0 += x * x;
  }
  return s0 + s1;
}

function dotWith(a: Float32Array, offset: number, b: Float32Array, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let j = 0;
  for (; j + 1 < dim; j += 2) {
    s0 += a[offset + j]! * b[j]!;
    s1 += a[offset + j + 1]! * b[j + 1]!;
  }
  if (j < dim) s0 += a[offset + j]! * b[j]!;
  return s0 + s1;
}

/** Scales `vector` to unit length in place; a zero vector stays zero (its cosine distance to anything is 1). */
function normalize(vector: Float32Array): void {
  let sum = 0;
  for (let j = 0; j < vector.length; ++j) sum += vector[j]! * vector[j]!;
  if (sum === 0) return;
  const scale = 1 / Math.sqrt(sum);
  for (let j = 0; j < vector.length; ++j) vector[j]! *= scale;
}

function ranked(queue: NeighborQueue, metric: "euclidean" | "cosine"): SimilarRows {
  const {distance, dataset, row} = queue.sorted();
  if (metric === "euclidean") for (let i = 0; i < distance.length; ++i) distance[i] = Math.sqrt(distance[i]!);
  const of = (d: number) => Int32Array.from(row.filter((_, i) => dataset[i] === d));
  return {primary: of(0), reference: of(1), dataset, row, distance, metric};
}
