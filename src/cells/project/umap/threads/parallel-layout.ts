import {epochAlpha, type SampledEdges, type SgdParams} from "../optimize.ts";
import type {Random} from "../../../random.ts";
import type {StageRun} from "../stage-run.ts";
import type {ThreadPool} from "./pool.ts";

/**
 * `optimizeLayout` on the pool's threads: the edges are split into one contiguous run per thread (edges are
 * sorted by head, so each thread mostly moves its own points), and every thread runs its share of each epoch
 * on one embedding in shared memory, epoch by epoch, without locks, as umap-learn's parallel SGD does
 * (Hogwild!: a point moved by two threads at once loses one of the moves, which SGD shrugs off). Each thread
 * draws its negative samples from its own stream. The result is not bit-reproducible.
 */
export async function parallelOptimize(
  pool: ThreadPool,
  embedding: Float32Array,
  dim: number,
  edges: SampledEdges,
  params: SgdParams,
  random: Random,
  run: StageRun
): Promise<void> {
  const shared = new Float32Array(new SharedArrayBuffer(embedding.byteLength));
  shared.set(embedding);
  const m = edges.head.length;
  const cut = (thread: number) => Math.round((m * thread) / pool.size);
  const seeds = Array.from({length: pool.size}, () => random.int());
  await pool.broadcast((thread) => ({
    kind: "layout",
    embedding: shared,
    dim,
    head: edges.head.slice(cut(thread), cut(thread + 1)),
    tail: edges.tail.slice(cut(thread), cut(thread + 1)),
    epochsPerSample: edges.epochsPerSample.slice(cut(thread), cut(thread + 1)),
    params,
    seed: seeds[thread]!
  }));
  for (let epoch = 0; epoch < params.nEpochs; ++epoch) {
    const alpha = epochAlpha(params, epoch);
    await pool.broadcast(() => ({kind: "epoch", epoch, alpha}));
    run.report((epoch + 1) / params.nEpochs);
    await run.check();
  }
  embedding.set(shared);
}
