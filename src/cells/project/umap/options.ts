import {checkOptions, type OptionKeys} from "../../options.ts";
import {UmapError, type UmapStage} from "./errors.ts";
import type {ThreadCount} from "./threads/with-threads.ts";

/** Distance between input vectors. "cosine" is 1 − cos θ, as in umap-learn. */
export type UmapMetric = "euclidean" | "cosine";

/** How the layout starts: umap-learn's spectral embedding of the graph, or uniform random positions. */
export type UmapInit = "spectral" | "random";

/** Options of the nearest-neighbour stage (`knnGraph`). */
export interface KnnOptions {
  /**
   * Neighbours per point, the point itself included (as umap-learn counts them); ≥ 2. With n ≤ nNeighbors
   * points, n − 1 are used, as umap-learn does. Default: 30.
   */
  nNeighbors?: number;
  /** Distance between input vectors. Default: "euclidean". */
  metric?: UmapMetric;
  /** Seed of every random choice; the same inputs and seed give the same result bit for bit. Required. */
  seed: number;
  /**
   * Threads to run on: a count, or "auto" for one per core (one below 4,096 points). Default: 1. With a
   * count each thread takes a fixed part of the work, so the same count gives the same result bit for bit
   * (another count another, equally good, result). "auto" is the fastest: the threads take the work in turns,
   * so a slower or busier core does less of it, and the result, as good, is not bit-reproducible. In a page,
   * threads need cross-origin isolation (SharedArrayBuffer), else one is used.
   */
  threads?: ThreadCount;
}

/** Options of the layout stage (`layout`); changing them does not require a new kNN graph. */
export interface LayoutOptions {
  /** Dimensions of the layout: 2 or 3. Default: 3. */
  nComponents?: number;
  /** Smallest distance between points in the layout, in layout units; 0 ≤ minDist ≤ spread. Default: 0. */
  minDist?: number;
  /** Scale of the layout's clusters, in layout units; > 0. Default: 1. */
  spread?: number;
  /** Optimization epochs, an integer ≥ 1. Default: 500 for at most 10,000 points, else 200 (as umap-learn). */
  nEpochs?: number;
  /** Negative samples per positive sample, ≥ 0. Default: 5. */
  negativeSampleRate?: number;
  /** Initial learning rate of the SGD, decayed linearly to 0; > 0. Default: 1. */
  learningRate?: number;
  /** Weight of the negative samples' repulsion (umap-learn's `repulsion_strength`), ≥ 0. Default: 1. */
  repulsionStrength?: number;
  /** Starting positions. Default: "spectral". */
  init?: UmapInit;
  /** Seed of every random choice; the same graph and seed give the same layout bit for bit. Required. */
  seed: number;
  /**
   * Threads to run on: a count, or "auto" for one per core (one below 4,096 points). Default: 1. With a
   * count each thread takes a fixed part of the work, so the same count gives the same result bit for bit
   * (another count another, equally good, result). "auto" is the fastest: the threads take the work in turns,
   * so a slower or busier core does less of it, and the result, as good, is not bit-reproducible. In a page,
   * threads need cross-origin isolation (SharedArrayBuffer), else one is used.
   */
  threads?: ThreadCount;
}

/** Every option of a full UMAP run. */
export interface UmapOptions extends KnnOptions, LayoutOptions {}

const UMAP_OPTIONS: OptionKeys<UmapOptions> = {
  nNeighbors: true,
  metric: true,
  seed: true,
  nComponents: true,
  minDist: true,
  spread: true,
  nEpochs: true,
  negativeSampleRate: true,
  learningRate: true,
  repulsionStrength: true,
  init: true,
  threads: true
};

/** Rejects keys that are no option of `umap` (the stages take subsets of them and check their own). */
export function checkUmapOptions(options: UmapOptions): void {
  checkOptions("px.umap", options, UMAP_OPTIONS);
}

/** Progress and cancellation of a long run. */
export interface UmapHooks {
  /** Called now and then with the fraction of the whole call done (0–1) and the stage it is in. */
  progress?(fraction: number, stage: UmapStage): void;
  /** Aborting it makes the call reject with the signal's reason (an AbortError by default). */
  signal?: AbortSignal;
}

export interface ResolvedKnnOptions {
  readonly nNeighbors: number;
  readonly metric: UmapMetric;
  readonly seed: number;
  readonly threads: ThreadCount;
}

export interface ResolvedLayoutOptions {
  readonly nComponents: 2 | 3;
  readonly minDist: number;
  readonly spread: number;
  readonly nEpochs: number;
  readonly negativeSampleRate: number;
  readonly learningRate: number;
  readonly repulsionStrength: number;
  readonly init: UmapInit;
  readonly seed: number;
  readonly threads: ThreadCount;
}

/** umap-learn's default epochs: 500 up to 10,000 points, 200 above. */
export function defaultEpochs(n: number): number {
  return n <= 10_000 ? 500 : 200;
}

/**
 * Fewest points UMAP projects: with 2, truncating nNeighbors to n − 1 leaves each point only itself
 * (umap-learn then lays out a graph without edges; its 1 point goes to the origin).
 */
const MIN_POINTS = 3;

/**
 * The neighbours a kNN graph of `n` points uses: umap-learn's `UMAP.fit` truncates n_neighbors to n − 1
 * when n ≤ n_neighbors (the point itself counts as one), with a warning (`neighborsWarnings`).
 */
export function neighborsFor(nNeighbors: number, n: number): number {
  return n <= nNeighbors ? n - 1 : nNeighbors;
}

/** The warning umap-learn gives when nNeighbors is truncated for `n` points (`neighborsFor`); else none. */
export function neighborsWarnings(nNeighbors: number, n: number): string[] {
  if (n >= MIN_POINTS && n <= nNeighbors)
    return [
      `nNeighbors ${nNeighbors} is more than the ${n} points projected allow: truncated to ${n - 1} (n − 1), ` +
        "as umap-learn does"
    ];
  return [];
}

export function resolveKnnOptions(options: KnnOptions, n: number): ResolvedKnnOptions {
  const nNeighbors = options.nNeighbors ?? 30;
  if (!Number.isInteger(nNeighbors) || nNeighbors < 2)
    fail("knn", `nNeighbors must be an integer ≥ 2, not ${nNeighbors}`);
  if (n < MIN_POINTS)
    fail(
      "knn",
      `${n} ${n === 1 ? "point is" : "points are"} too few to project: UMAP needs at least ${MIN_POINTS} ` +
        "(each point's nearest neighbour besides itself, and one more)"
    );
  const metric = options.metric ?? "euclidean";
  if (metric !== "euclidean" && metric !== "cosine")
    fail("knn", `unknown metric: ${JSON.stringify(metric)} (expected euclidean or cosine)`);
  return {
    nNeighbors: neighborsFor(nNeighbors, n),
    metric,
    seed: checkSeed("knn", options.seed),
    threads: resolveThreads("knn", options.threads)
  };
}

export function resolveLayoutOptions(options: LayoutOptions, n: number): ResolvedLayoutOptions {
  const nComponents = options.nComponents ?? 3;
  if (nComponents !== 2 && nComponents !== 3)
    fail("layout", `nComponents must be 2 or 3, not ${nComponents}`);
  const spread = options.spread ?? 1;
  if (!(spread > 0 && Number.isFinite(spread))) fail("layout", `spread must be > 0, not ${spread}`);
  const minDist = options.minDist ?? 0;
  if (!(minDist >= 0 && minDist <= spread))
    fail("layout", `minDist must be in [0, spread = ${spread}], not ${minDist}`);
  const nEpochs = options.nEpochs ?? defaultEpochs(n);
  if (!Number.isInteger(nEpochs) || nEpochs < 1)
    fail("layout", `nEpochs must be an integer ≥ 1, not ${nEpochs}`);
  const negativeSampleRate = options.negativeSampleRate ?? 5;
  if (!(negativeSampleRate >= 0 && Number.isFinite(negativeSampleRate)))
    fail("layout", `negativeSampleRate must be ≥ 0, not ${negativeSampleRate}`);
  const learningRate = options.learningRate ?? 1;
  if (!(learningRate > 0 && Number.isFinite(learningRate)))
    fail("layout", `learningRate must be > 0, not ${learningRate}`);
  const repulsionStrength = options.repulsionStrength ?? 1;
  if (!(repulsionStrength >= 0 && Number.isFinite(repulsionStrength)))
    fail("layout", `repulsionStrength must be ≥ 0, not ${repulsionStrength}`);
  const init = options.init ?? "spectral";
  if (init !== "spectral" && init !== "random")
    fail("layout", `unknown init: ${JSON.stringify(init)} (expected spectral or random)`);
  const seed = checkSeed("layout", options.seed);
  const threads = resolveThreads("layout", options.threads);
  return {
    nComponents,
    minDist,
    spread,
    nEpochs,
    negativeSampleRate,
    learningRate,
    repulsionStrength,
    init,
    seed,
    threads
  };
}

/** The `threads` option checked: "auto" or an integer ≥ 1 (default 1). */
export function resolveThreads(stage: UmapStage, threads: ThreadCount | undefined): ThreadCount {
  if (threads === undefined || threads === "auto") return threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1)
    fail(stage, `threads must be "auto" or an integer ≥ 1, not ${JSON.stringify(threads)}`);
  return threads;
}

function checkSeed(stage: UmapStage, seed: number): number {
  if (typeof seed !== "number" || !Number.isFinite(seed))
    fail(stage, `seed must be a finite number, not ${seed}`);
  return seed;
}

function fail(stage: UmapStage, message: string): never {
  throw new UmapError(stage, message);
}
