import {tableToIPC} from "apache-arrow";
import * as library from "../index.ts";
import {
  checkEmbedOptions,
  checkName,
  checkWhole,
  datasetsOf,
  embeddingName,
  isSqlProjectionInput,
  sampleFromSql,
  ProjectionCache,
  projectionWarnings,
  resolveClusterOptions,
  resolveProjectOptions,
  sampleForProjection,
  withEmbedding,
  type ClusterOptions,
  type Clustering,
  type Dataset,
  type EmbedOptions,
  type FuzzyGraph,
  type Projection,
  type ProjectionInput,
  type ProjectOptions,
  type ProjectionSample,
  type SqlProjectionInput,
  type PointSet
} from "../index.ts";
import {cellScoped, type CellContext, type CellScoped} from "../runtime/define/cell-context.ts";
import {invalidationSignal} from "../runtime/stdlib/invalidation-signal.ts";
import {runTask} from "../runtime/worker/run-task.ts";
import {embeddedDatasets} from "./bake/embedded.ts";
import {lastProjections} from "./last-projections.ts";
import type {ExportTarget} from "./export-target.ts";
import type {EmbedArgs, EmbeddedColumn} from "./tasks/embed.ts";

/**
 * The Phoenix cells as notebooks see them: the library, with the heavy cells run in a worker; there
 * `cluster` returns a promise too (a cell's value is the resolved value either way).
 */
export type Px = Omit<typeof library, "cluster" | "exportRows"> & {
  cluster(points: PointSet, options?: ClusterOptions): Promise<Clustering>;
  /** Writes the file (runner: under the notebook's exports/ folder) or offers it as a download (page). */
  exportRows(...args: Parameters<typeof library.exportRows>): Promise<unknown>;
};

// Below this many points HDBSCAN takes milliseconds: starting a worker would cost more than it saves.
const CLUSTER_IN_WORKER_FROM = 20_000;
/** The share of a full projection's progress that the kNN graph takes; the layout takes the rest. */
const GRAPH_SHARE = 0.4;

// One cache for the page or the run: the kNN graph outlives the cell run that made it, so a change of minDist
// or epochs relayouts without recomputing neighbours. Entries are freed with their datasets.
const cache = new ProjectionCache();

/**
 * `px` in a notebook: every Phoenix cell; exports go to `exports`; `project`, `embed` (and `cluster` on large inputs) run in a worker that the
 * cell's invalidation terminates, with progress shown in the cell's place.
 */
export function createPx(exports: ExportTarget): CellScoped<Px> {
  return cellScoped<Px>((context) => ({
    ...library,
    project: (input: ProjectionInput | SqlProjectionInput, options: ProjectOptions) =>
      projectInWorker(input, options, context),
    cluster: (points: PointSet, options?: ClusterOptions) => clusterInWorker(points, options, context),
    embed: async (dataset: Dataset, options: EmbedOptions) => {
      const embedded = await embedInWorker(dataset, options, context);
      embeddedDatasets.set(embedded, {input: dataset, name: embeddingName(options)});
      return embedded;
    },
    exportRows: async (...args: Parameters<typeof library.exportRows>) =>
      exports.deliver(await library.exportRows(...args), context.invalidation)
  }));
}

async function projectInWorker(
  input: ProjectionInput | SqlProjectionInput,
  options: ProjectOptions,
  context: CellContext
): Promise<Projection> {
  const resolved = resolveProjectOptions(options);
  // A dataset in a database is sampled there first: the worker lays out the sample, in memory.
  const datasets = isSqlProjectionInput(input) ? await sampleFromSql(input, resolved) : datasetsOf(input);
  const last = lastProjections.get(datasets, resolved);
  if (last) return last;
  const signal = invalidationSignal(context);
  let entry = cache.get(datasets, resolved);
  const layoutFrom = entry ? 0 : GRAPH_SHARE;
  if (!entry) {
    const sample = inSharedMemory(sampleForProjection(datasets, resolved));
    const graph = await runTask<FuzzyGraph>(
      "project.graph",
      {sample, options: resolved},
      {
        signal,
        onProgress: (fraction, stage) => context.progress(fraction * GRAPH_SHARE, stage)
      }
    );
    entry = {sample, graph};
    cache.set(datasets, resolved, entry);
  }
  const coordinates = await runTask<Float32Array>(
    "project.layout",
    {graph: entry.graph, sample: entry.sample, options: resolved},
    {
      signal,
      onProgress: (fraction, stage) => context.progress(layoutFrom + fraction * (1 - layoutFrom), stage)
    }
  );
  const {dataset, row} = entry.sample;
  const projection: Projection = {
    coordinates,
    nComponents: resolved.nComponents,
    dataset,
    row,
    datasets,
    embedding: resolved.embedding,
    options: resolved,
    warnings: projectionWarnings(resolved, row.length)
  };
  lastProjections.set(projection);
  return projection;
}

/**
 * The sample with its vectors moved into shared memory where there is some (Node; a cross-origin isolated
 * page): the graph and layout workers then read this one copy, where each would otherwise get a clone of its
 * own (and the clone's serialized form on the way). The cache keeps it for later layouts.
 */
function inSharedMemory(sample: ProjectionSample): ProjectionSample {
  if (typeof SharedArrayBuffer !== "function" || globalThis.crossOriginIsolated === false) return sample;
  const vectors = new Float32Array(new SharedArrayBuffer(sample.vectors.byteLength));
  vectors.set(sample.vectors);
  return {...sample, vectors};
}

// Words, images and API calls run in a worker on the input columns alone. Tabular encoding is a quick pass over
// columns (and may take a reference dataset), so it stays on this thread.
async function embedInWorker(
  dataset: Dataset,
  options: EmbedOptions,
  context: CellContext
): Promise<Dataset> {
  checkEmbedOptions(options);
  checkWhole(dataset, options);
  const signal = invalidationSignal(context);
  const progress = (fraction: number, stage?: string) => context.progress(fraction, stage);
  const inputs = options.columns ?? (options.column === undefined ? [] : [options.column]);
  const present = inputs.length > 0 && inputs.every((column) => dataset.table.getChild(column) !== null);
  if (options.method === "tabular" || options.reference || !present)
    return library.embed(dataset, options, {progress, signal});
  const name = embeddingName(options);
  checkName(dataset, name);
  const ipc = tableToIPC(dataset.table.select([...inputs]), "stream");
  const args: EmbedArgs = {ipc, source: dataset.source, options};
  const result = await runTask<EmbeddedColumn>("embed", args, {
    signal,
    onProgress: progress,
    transfer: [ipc.buffer]
  });
  return withEmbedding(dataset, name, result.columns, result);
}

async function clusterInWorker(
  points: PointSet,
  options: ClusterOptions | undefined,
  context: CellContext
): Promise<Clustering> {
  const n = points.coordinates.length / points.nComponents;
  if (n < CLUSTER_IN_WORKER_FROM) return library.cluster(points, options);
  resolveClusterOptions(options ?? {}); // a bad option fails here, before a worker starts
  const args = {coordinates: points.coordinates, nComponents: points.nComponents, options: options ?? {}};
  return runTask<Clustering>("cluster", args, {
    signal: invalidationSignal(context),
    onProgress: (f, s) => context.progress(f, s)
  });
}
