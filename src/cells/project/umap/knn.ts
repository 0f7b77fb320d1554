import {exactKnn} from "./exact-knn.ts";
import {checkVectors} from "./input.ts";
import type {NeighborHeaps} from "./neighbor-heaps.ts";
import {nnDescent} from "./nn-descent.ts";
import {resolveKnnOptions, type KnnOptions, type UmapHooks, type UmapMetric} from "./options.ts";
import {Random} from "../../random.ts";
import {stageRun, type StageRun} from "./stage-run.ts";
import {vectorStore} from "./vector-store.ts";
import {parallelKnn} from "./threads/parallel-knn.ts";
import type {ThreadPool} from "./threads/pool.ts";
import {withThreads} from "./threads/with-threads.ts";

/** Each point's nearest neighbours, nearest first, the point itself included (usually first, at 0). */
export interface KnnGraph {
  /** Points. */
  readonly n: number;
  /** Neighbours per point. */
  readonly k: number;
  /** Row-major n × k neighbour indices. */
  readonly indices: Int32Array;
  /** Row-major n × k distances in `metric`, ascending along each row. */
  readonly distances: Float32Array;
  readonly metric: UmapMetric;
  /** Whether the neighbours are exact (brute force) or approximate (NN-descent). */
  readonly exact: boolean;
}

/**
 * Above this many pairwise distance terms (n² · dim), brute force gives way to NN-descent. umap-learn's
 * cut-off is 4,096 points whatever the dimension; this keeps its 4,096 × 64 and scales with the dimension.
 */
const EXACT_MAX_WORK = 4096 * 4096 * 64;

/** The k-nearest-neighbour graph of row-major `vectors` (n × dim). */
export function knnGraph(
  vectors: Float32Array,
  dim: number,
  options: KnnOptions,
  hooks?: UmapHooks
): Promise<KnnGraph> {
  return computeKnnGraph(vectors, dim, options, stageRun(hooks, "knn"));
}

/**
 * The kNN graph on `pool`'s threads; without a pool given, on threads of its own as `options.threads` asks
 * (null: on this thread).
 */
export async function computeKnnGraph(
  vectors: Float32Array,
  dim: number,
  options: KnnOptions,
  run: StageRun,
  pool?: ThreadPool | null
): Promise<KnnGraph> {
  const n = checkVectors(vectors, dim);
  const {nNeighbors: k, metric, seed, threads} = resolveKnnOptions(options, n);
  await run.check();
  if (pool === undefined)
    return withThreads(threads, n, run.signal, (own) => computeKnnGraph(vectors, dim, options, run, own));
  const exact = n * n * dim <= EXACT_MAX_WORK;
  const random = new Random(seed);
  const unit = metric === "cosine";
  let heaps: NeighborHeaps;
  // "auto" asks for speed over bit-reproducibility: the threads then take the work in turns.
  if (pool) heaps = await parallelKnn(pool, vectors, dim, unit, k, exact, random, run, threads === "auto");
  else {
    const store = vectorStore(vectors, n, dim, unit);
    heaps = exact ? await exactKnn(store, k, run) : await nnDescent(store, k, random, run);
  }
  return toKnnGraph(heaps, metric, exact);
}

function toKnnGraph(heaps: NeighborHeaps, metric: UmapMetric, exact: boolean): KnnGraph {
  heaps.sortRows();
  const distances = heaps.distances;
  // The heaps hold squared Euclidean distances (of unit vectors for cosine: 1 − cos θ = d² / 2).
  for (let s = 0; s < distances.length; ++s) {
    distances[s] = metric === "cosine" ? distances[s]! / 2 : Math.sqrt(distances[s]!);
  }
  return {n: heaps.n, k: heaps.k, indices: heaps.indices, distances, metric, exact};
}
