import {checkKnnGraph, fuzzySetOf, fuzzySimplicialSet} from "./fuzzy-graph.ts";
import {computeKnnGraph} from "./knn.ts";
import {computeLayout, type UmapResult} from "./layout.ts";
import {Checkpoint} from "./abort.ts";
import {checkUmapOptions, resolveThreads, type UmapHooks, type UmapOptions} from "./options.ts";
import {stageRun} from "./stage-run.ts";
import {parallelSmoothKnn} from "./threads/parallel-smooth.ts";
import {withThreads} from "./threads/with-threads.ts";

/** Shares of a full run's progress: the kNN graph up to KNN_END, the fuzzy graph up to GRAPH_END. */
const KNN_END = 0.35;
const GRAPH_END = 0.4;

/**
 * UMAP (McInnes, Healy & Melville 2018) of row-major `vectors` (n × dim) as umap-learn computes it:
 * `knnGraph`, then `fuzzySimplicialSet`, then `layout`. Same vectors, options and seed → the same
 * coordinates bit for bit (on one thread, the default; see `threads`). Rejects with a `UmapError` naming the stage and the bad value, or with the
 * signal's reason once aborted.
 *
 * @param vectors - Row-major n × dim input vectors, every value finite.
 * @param dim - Vector length: an integer ≥ 1.
 * @param options - The kNN and layout options; `seed` is required.
 * @param hooks - Progress and an abort signal.
 */
export async function umap(
  vectors: Float32Array,
  dim: number,
  options: UmapOptions,
  hooks?: UmapHooks
): Promise<UmapResult> {
  checkUmapOptions(options);
  const threads = resolveThreads("knn", options.threads);
  const checkpoint = new Checkpoint(hooks?.signal);
  // One pool for both stages: threads start once.
  return withThreads(threads, vectors.length / dim, hooks?.signal, async (pool) => {
    const knnRun = stageRun(hooks, "knn", 0, KNN_END, checkpoint);
    const knn = await computeKnnGraph(vectors, dim, options, knnRun, pool);
    if (pool) checkKnnGraph(knn);
    const graph = pool ? fuzzySetOf(knn, await parallelSmoothKnn(pool, knn)) : fuzzySimplicialSet(knn);
    stageRun(hooks, "graph", KNN_END, GRAPH_END, checkpoint).report(1);
    const layoutRun = stageRun(hooks, "layout", GRAPH_END, 1, checkpoint);
    return computeLayout(graph, options, layoutRun, {vectors, dim}, pool);
  });
}
