import {findAbParams} from "./ab-params.ts";
import type {SourceVectors} from "./component-positions.ts";
import {UmapError} from "./errors.ts";
import type {FuzzyGraph} from "./fuzzy-graph.ts";
import {initialLayout} from "./initial-layout.ts";
import {optimizeLayout} from "./optimize.ts";
import {resolveLayoutOptions, type LayoutOptions, type UmapHooks} from "./options.ts";
import {Random} from "../../random.ts";
import {pruneWeakEdges, sampledEdges} from "./sampled-edges.ts";
import {stageRun, type StageRun} from "./stage-run.ts";
import {parallelOptimize} from "./threads/parallel-layout.ts";
import type {ThreadPool} from "./threads/pool.ts";
import {withThreads} from "./threads/with-threads.ts";

/** A layout: row-major n × nComponents coordinates. */
export interface UmapResult {
  /** Row-major n × nComponents, in layout units, not centered. */
  readonly coordinates: Float32Array;
  /** Coordinates per point: 2 or 3, as asked. */
  readonly nComponents: 2 | 3;
}

/** Share of the layout stage's progress reported once the starting positions are ready. */
const INIT_SHARE = 0.05;

/**
 * Lays out a fuzzy graph in 2 or 3 dimensions. `source` (the input vectors) only helps place the
 * graph's connected components relative to each other when there are more than 2 · nComponents of them.
 */
export function layout(
  graph: FuzzyGraph,
  options: LayoutOptions,
  hooks?: UmapHooks,
  source?: SourceVectors
): Promise<UmapResult> {
  return computeLayout(graph, options, stageRun(hooks, "layout"), source);
}

/**
 * The layout, its epochs on `pool`'s threads; without a pool given, on threads of its own as
 * `options.threads` asks (null: on this thread).
 */
export async function computeLayout(
  graph: FuzzyGraph,
  options: LayoutOptions,
  run: StageRun,
  source?: SourceVectors,
  pool?: ThreadPool | null
): Promise<UmapResult> {
  checkGraph(graph);
  const resolved = resolveLayoutOptions(options, graph.n);
  const {nComponents, nEpochs, init} = resolved;
  await run.check();
  if (pool === undefined)
    return withThreads(resolved.threads, graph.n, run.signal, (own) =>
      computeLayout(graph, options, run, source, own)
    );
  const random = new Random(resolved.seed);
  const initRandom = random.fork(1);
  const sgdRandom = random.fork(2);
  const pruned = pruneWeakEdges(graph, nEpochs);
  const coordinates = await initialLayout(pruned, nComponents, init, initRandom, source, pool);
  run.report(INIT_SHARE);
  await run.check();
  const {a, b} = findAbParams(resolved.spread, resolved.minDist);
  const epochs: StageRun = {check: run.check, report: (f) => run.report(INIT_SHARE + (1 - INIT_SHARE) * f)};
  const [edges, params] = [sampledEdges(pruned), {...resolved, a, b}];
  // "auto" asks for speed over bit-reproducibility: the threads then balance the epochs' work as they run.
  if (pool)
    await parallelOptimize(
      pool,
      coordinates,
      nComponents,
      edges,
      params,
      sgdRandom,
      epochs,
      resolved.threads === "auto"
    );
  else await optimizeLayout(coordinates, nComponents, edges, params, sgdRandom, epochs);
  return {coordinates, nComponents};
}

function checkGraph({n, indptr, indices, weights}: FuzzyGraph): void {
  if (!(Number.isInteger(n) && n >= 1 && indptr.length === n + 1 && indices.length === weights.length))
    throw new UmapError(
      "layout",
      `graph of ${n} points has ${indptr.length} row offsets and ${indices.length} edges`
    );
  if (indptr[n] !== indices.length)
    throw new UmapError(
      "layout",
      `graph's last row offset ${indptr[n]} is not its edge count ${indices.length}`
    );
}
