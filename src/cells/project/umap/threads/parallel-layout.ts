import {newSchedule, type SampledEdges, type SgdParams} from "../optimize.ts";
import type {Random} from "../../../random.ts";
import type {StageRun} from "../stage-run.ts";
import {Barrier} from "./barrier.ts";
import type {EdgeShare} from "./messages.ts";
import type {ThreadPool} from "./pool.ts";
import {sharedArray, sharedCopy} from "./shared-arrays.ts";

/** Wall time aimed at per chunk of epochs, and the most epochs in a chunk. */
const CHUNK_MS = 150;
const MAX_CHUNK = 50;
/**
 * Edges per block when threads take turns (`balanced`): a few hundred blocks an epoch at 30k points, so
 * that a slower core takes fewer of them, and a claim (one atomic add) costs nothing beside a block's work.
 */
const BLOCK_SIZE = 2048;

/**
 * `optimizeLayout` on the pool's threads, as a deterministic parallel SGD. The edges are split into one
 * contiguous run of even work per thread (`workCuts`; edges are sorted by head, so each thread mostly moves its
 * own points). In each epoch every thread starts from the same positions, copied into memory of its own, and runs its edges there,
 * seeing its own moves but not the others'; then the threads meet, and each point's moves from every thread
 * are added to its position at the epoch's start, in thread order. No two threads ever write the same memory
 * during an epoch: shared writes (umap-learn's lock-free Hogwild! scheme) made two threads slower than one
 * here, as every move bounced a cache line between the cores. Each thread draws its negative samples from its
 * own seeded stream, so a run is bit-reproducible for a given thread count; with another count it differs as
 * any other seed would.
 *
 * `balanced`: rather than one fixed run each, the threads claim blocks of edges in turn, every epoch, so that a
 * core that runs slower (another process on it, a hypervisor's neighbour: measured here at 1.6× slower) does
 * less of the work instead of keeping the others waiting at each epoch's end. Which thread moves which block
 * then depends on timing, so the result is equally good but no longer bit-reproducible.
 */
export async function parallelOptimize(
  pool: ThreadPool,
  embedding: Float32Array,
  dim: number,
  edges: SampledEdges,
  params: SgdParams,
  random: Random,
  run: StageRun,
  balanced = false
): Promise<void> {
  const shared = new Float32Array(new SharedArrayBuffer(embedding.byteLength));
  shared.set(embedding);
  const locals = Array.from(
    {length: pool.size},
    () => new Float32Array(new SharedArrayBuffer(embedding.byteLength))
  );
  const seeds = Array.from({length: pool.size}, () => random.int());
  const barrier = Barrier.state();
  const sharedEdges = {
    head: sharedCopy(edges.head, Int32Array),
    tail: sharedCopy(edges.tail, Int32Array),
    epochsPerSample: sharedCopy(edges.epochsPerSample, Float64Array)
  };
  const schedule = newSchedule(sharedEdges, params.negativeSampleRate, (length) =>
    sharedArray(Float64Array, length)
  );
  const share: EdgeShare = balanced
    ? {kind: "blocks", claims: new Int32Array(new SharedArrayBuffer(4)), blockSize: BLOCK_SIZE}
    : {kind: "runs", cuts: workCuts(edges.epochsPerSample, pool.size)};
  await pool.broadcast((thread) => ({
    kind: "layout",
    thread,
    embedding: shared,
    locals,
    dim,
    edges: sharedEdges,
    schedule,
    share,
    params,
    seed: seeds[thread]!,
    barrier
  }));
  // Epochs are sent in chunks of about CHUNK_MS (the threads meet twice an epoch), so that
  // messages stay few while progress and aborts still come several times a second.
  let chunk = 1;
  for (let from = 0, to = 0; from < params.nEpochs; from = to) {
    to = Math.min(params.nEpochs, from + chunk);
    const start = performance.now();
    await pool.broadcast(() => ({kind: "epochs", from, to}));
    const perEpoch = (performance.now() - start) / (to - from);
    chunk = Math.max(1, Math.min(MAX_CHUNK, Math.round(CHUNK_MS / Math.max(perEpoch, 1e-3))));
    run.report(to / params.nEpochs);
    await run.check();
  }
  embedding.set(shared);
}

/**
 * Where to cut the edges (sorted by head) into `threads` contiguous runs of even work: an edge is sampled once
 * every epochsPerSample[e] epochs, so its share of an epoch's work is 1 / epochsPerSample[e] (its negative
 * samples follow the same rate). Cutting by edge count left one thread with a denser part of the graph and
 * the other waiting at every epoch's end.
 */
export function workCuts(epochsPerSample: Float64Array, threads: number): Int32Array {
  let total = 0;
  for (let e = 0; e < epochsPerSample.length; ++e) total += 1 / epochsPerSample[e]!;
  const cuts = new Int32Array(threads + 1);
  cuts[threads] = epochsPerSample.length;
  let [done, e] = [0, 0];
  for (let t = 1; t < threads; ++t) {
    const target = (total * t) / threads;
    while (e < epochsPerSample.length && done + 1 / epochsPerSample[e]! <= target)
      done += 1 / epochsPerSample[e++]!;
    cuts[t] = e;
  }
  return cuts;
}
