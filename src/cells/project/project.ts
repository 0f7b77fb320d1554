import {checkDataset} from "../dataset/check-dataset.ts";
import type {Dataset} from "../dataset/dataset.ts";
import {resolveProjectOptions} from "./options.ts";
import type {Projection, ProjectOptions, ResolvedProjectOptions} from "./projection.ts";
import {sampleForProjection, type ProjectionSample} from "./sample.ts";
import {isSqlProjectionInput, sampleFromSql, type SqlProjectionInput} from "../sql/sample.ts";
import {fuzzySimplicialSet, knnGraph, layout, type FuzzyGraph, type UmapHooks} from "./umap/index.ts";
import {neighborsWarnings} from "./umap/options.ts";

/** One dataset, or a primary and an optional reference. */
export type ProjectionInput = Dataset | readonly [Dataset, (Dataset | null | undefined)?];

/** Progress, cancellation, and the cache that lets a change of minDist or epochs skip the kNN graph. */
export interface ProjectHooks extends UmapHooks {
  /** Default: a cache shared by all calls in this thread (kept per dataset object, freed with it). */
  readonly cache?: ProjectionCache;
}

/**
 * Phoenix's point cloud: samples each dataset (seeded), projects primary and reference together with UMAP,
 * and centers the result. Same datasets, options and seed → the same coordinates bit for bit. When only
 * `minDist` or `nEpochs` changed since an earlier call on the same datasets, the kNN graph is reused.
 *
 * Datasets in a database (px.fromSql) are sampled there (seeded, see sampleFromSql): only the sampled rows
 * are read, and the projection's `datasets` are those samples, in memory.
 *
 * @param input - The primary dataset, or [primary, reference] (a null or undefined reference: none); both in
 *   memory or both in a database.
 * @param options - The embedding feature, UMAP's parameters, the sample size, the seed and the time range.
 * @param hooks - Progress, an abort signal and the cache of kNN graphs.
 */
export async function project(
  input: ProjectionInput | SqlProjectionInput,
  options: ProjectOptions,
  hooks: ProjectHooks = {}
): Promise<Projection> {
  const resolved = resolveProjectOptions(options);
  const datasets = isSqlProjectionInput(input) ? await sampleFromSql(input, resolved) : datasetsOf(input);
  const cache = hooks.cache ?? sharedCache;
  let entry = cache.get(datasets, resolved);
  if (!entry) {
    const sample = sampleForProjection(datasets, resolved);
    entry = {sample, graph: await projectionGraph(sample, resolved, hooks)};
    cache.set(datasets, resolved, entry);
  }
  const coordinates = await projectionLayout(entry.graph, entry.sample, resolved, hooks);
  return {
    coordinates,
    nComponents: resolved.nComponents,
    dataset: entry.sample.dataset,
    row: entry.sample.row,
    datasets,
    embedding: resolved.embedding,
    options: resolved,
    warnings: projectionWarnings(resolved, entry.sample.row.length)
  };
}

/**
 * The UMAP graph of a sample: kNN, then the fuzzy simplicial set. The slow half; depends on no layout option.
 *
 * @param sample - The points to project (sampleForProjection).
 * @param options - The resolved options (resolveProjectOptions); only nNeighbors, metric, seed and threads matter here.
 * @param hooks - Progress and an abort signal.
 */
export async function projectionGraph(
  sample: ProjectionSample,
  options: ResolvedProjectOptions,
  hooks?: UmapHooks
): Promise<FuzzyGraph> {
  const knn = await knnGraph(
    sample.vectors,
    sample.dim,
    {nNeighbors: options.nNeighbors, metric: options.metric, seed: options.seed, threads: options.threads},
    hooks
  );
  return fuzzySimplicialSet(knn);
}

/**
 * The layout of a graph, centered: Phoenix subtracts the mean so the cloud sits around the origin.
 *
 * @param graph - The sample's graph (projectionGraph).
 * @param sample - The points the graph was built from.
 * @param options - The resolved options; nComponents, minDist, nEpochs and seed shape the layout.
 * @param hooks - Progress and an abort signal.
 */
export async function projectionLayout(
  graph: FuzzyGraph,
  sample: ProjectionSample,
  options: ResolvedProjectOptions,
  hooks?: UmapHooks
): Promise<Float32Array> {
  const layoutOptions = {
    nComponents: options.nComponents,
    minDist: options.minDist,
    seed: options.seed,
    threads: options.threads,
    ...(options.nEpochs === undefined ? {} : {nEpochs: options.nEpochs})
  };
  const {coordinates, nComponents} = await layout(graph, layoutOptions, hooks, {
    vectors: sample.vectors,
    dim: sample.dim
  });
  return center(coordinates, nComponents);
}

/**
 * A projection's `warnings`: what UMAP adjusted to project this many points (nNeighbors truncated to
 * n − 1, as umap-learn does).
 *
 * @param options - The resolved options it was projected with.
 * @param points - The points projected (the sample's size).
 */
export function projectionWarnings(options: ResolvedProjectOptions, points: number): string[] {
  return neighborsWarnings(options.nNeighbors, points);
}

function center(coordinates: Float32Array, nComponents: number): Float32Array {
  const n = coordinates.length / nComponents;
  for (let c = 0; c < nComponents; ++c) {
    let sum = 0;
    for (let i = 0; i < n; ++i) sum += coordinates[i * nComponents + c]!;
    const mean = sum / n;
    for (let i = 0; i < n; ++i) coordinates[i * nComponents + c]! -= mean;
  }
  return coordinates;
}

/**
 * The datasets of a projection's input, primary first: `[primary]` or `[primary, reference]`.
 *
 * @param input - A dataset, or [primary, reference] (a null or undefined reference: none).
 */
export function datasetsOf(input: ProjectionInput): Dataset[] {
  if (!Array.isArray(input)) {
    checkDataset("px.project", "the dataset", input);
    return [input];
  }
  if (input.length > 2)
    throw new RangeError(
      `px.project: expected [primary] or [primary, reference], not ${input.length} datasets`
    );
  const [primary, reference] = input as readonly unknown[];
  checkDataset("px.project", "the primary", primary);
  if (reference === null || reference === undefined) return [primary];
  checkDataset("px.project", "the reference", reference);
  return [primary, reference];
}

/** A sample and its UMAP graph, which only the sampling and kNN options decide. */
export interface GraphEntry {
  /** The sampled points and their vectors. */
  readonly sample: ProjectionSample;
  /** Their fuzzy simplicial set: UMAP's weighted kNN graph. */
  readonly graph: FuzzyGraph;
}

const SINGLE = {};

/** kNN graphs by datasets (object identity) and the options that shape the graph, for layout-only changes. */
export class ProjectionCache {
  readonly #entries = new WeakMap<object, WeakMap<object, Map<string, GraphEntry>>>();

  /** The graph cached for these datasets and the options that shape it (all but minDist, nEpochs), if any. */
  get(datasets: readonly Dataset[], options: ResolvedProjectOptions): GraphEntry | undefined {
    return this.#entries
      .get(datasets[0]!)
      ?.get(datasets[1] ?? SINGLE)
      ?.get(graphKey(options));
  }

  /** Caches a graph, in place of what was cached for the same datasets. */
  set(datasets: readonly Dataset[], options: ResolvedProjectOptions, entry: GraphEntry): void {
    let byReference = this.#entries.get(datasets[0]!);
    if (!byReference) this.#entries.set(datasets[0]!, (byReference = new WeakMap()));
    let byKey = byReference.get(datasets[1] ?? SINGLE);
    // One entry per dataset pair: a new sample or neighbourhood replaces the old one instead of piling up.
    if (!byKey) byReference.set(datasets[1] ?? SINGLE, (byKey = new Map()));
    byKey.clear();
    byKey.set(graphKey(options), entry);
  }
}

function graphKey(options: ResolvedProjectOptions): string {
  const {embedding, samples, seed, nNeighbors, metric, timeRange, threads} = options;
  return JSON.stringify([embedding, samples, seed, nNeighbors, metric, timeRange ?? null, threads]);
}

const sharedCache = new ProjectionCache();
