import {fillAtRandom, nnDescentParams, TREES_SHARE} from "../nn-descent.ts";
import {NeighborHeaps, sharedHeapArrays} from "../neighbor-heaps.ts";
import type {Random} from "../../../random.ts";
import type {StageRun} from "../stage-run.ts";
import type {VectorStore} from "../vector-store.ts";
import type {ThreadPool} from "./pool.ts";
import {sharedVectorStore} from "./shared-store.ts";
import type {ThreadTask} from "./messages.ts";

/** Rows per exact-kNN task (as exactKnn's tiles) and per NN-descent join task (small enough to balance). */
const EXACT_TILE = 64;
const JOIN_ROWS = 512;

/**
 * The kNN heaps of `vectors` computed by the pool's threads: exact (brute force over row tiles) or by
 * NN-descent, as `exactKnn` and `nnDescent` compute them, with the trees, the candidates' sampling, the joins
 * and the brute-force tiles spread over the threads, who push into shared heaps under per-row locks. Which thread reaches a row first
 * varies from run to run, so the heaps can differ in near ties: the result is not bit-reproducible.
 */
export async function parallelKnn(
  pool: ThreadPool,
  vectors: Float32Array,
  dim: number,
  unit: boolean,
  k: number,
  exact: boolean,
  random: Random,
  run: StageRun
): Promise<NeighborHeaps> {
  const n = vectors.length / dim;
  const {store, spec} = sharedVectorStore(vectors, n, dim, unit, pool.size);
  await pool.broadcast((thread) => ({kind: "store", store: spec, thread}));
  const heaps = new NeighborHeaps(n, k, sharedHeapArrays(n, k));
  for (let i = 0; i < n; ++i) heaps.push(i, i, 0, 0);
  const candidates = exact ? 0 : nnDescentParams(n, k).maxCandidates;
  const fresh = new NeighborHeaps(n, candidates, sharedHeapArrays(n, candidates));
  const old = new NeighborHeaps(n, candidates, sharedHeapArrays(n, candidates));
  const locks = new Int32Array(new SharedArrayBuffer(n * 4));
  await pool.broadcast(() => ({
    kind: "heaps",
    n,
    k,
    heaps: heaps.arrays,
    locks,
    candidates,
    fresh: fresh.arrays,
    old: old.arrays
  }));
  if (exact) await exactTiles(pool, n, run);
  else await descend(pool, heaps, fresh, old, store, random, run);
  // Out of shared memory: a caller may transfer the graph's arrays, which a SharedArrayBuffer refuses.
  return new NeighborHeaps(n, k, {
    indices: heaps.indices.slice(),
    distances: heaps.distances.slice(),
    isNew: heaps.isNew.slice()
  });
}

async function exactTiles(pool: ThreadPool, n: number, run: StageRun): Promise<void> {
  const tasks: ThreadTask[] = [];
  const pairs: number[] = [];
  for (let rowStart = 0; rowStart < n; rowStart += EXACT_TILE) {
    const rowEnd = Math.min(n, rowStart + EXACT_TILE);
    tasks.push({kind: "exact", rowStart, rowEnd, tile: EXACT_TILE});
    const rows = rowEnd - rowStart;
    pairs.push(rows * (n - rowStart) - (rows * (rows + 1)) / 2);
  }
  const totalPairs = (n * (n - 1)) / 2;
  let pairsDone = 0;
  await pool.map(tasks, (index) => run.report((pairsDone += pairs[index]!) / totalPairs));
  await run.check();
}

/** nnDescent's phases: trees on the threads, the random top-up here, then sampling here and joins there. */
async function descend(
  pool: ThreadPool,
  heaps: NeighborHeaps,
  fresh: NeighborHeaps,
  old: NeighborHeaps,
  store: VectorStore,
  random: Random,
  run: StageRun
): Promise<void> {
  const {n, k} = heaps;
  const params = nnDescentParams(n, k);
  const trees = Array.from({length: params.nTrees}, (): ThreadTask => {
    return {kind: "tree", seed: random.int(), leafSize: params.leafSize};
  });
  let treesDone = 0;
  await pool.map(trees, () => run.report((TREES_SHARE * ++treesDone) / params.nTrees));
  await run.check();
  fillAtRandom(heaps, store, random);
  const blocks = Array.from({length: Math.ceil(n / JOIN_ROWS)}, (_, b) => ({
    from: b * JOIN_ROWS,
    to: Math.min(n, (b + 1) * JOIN_ROWS)
  }));
  const joins = blocks.map(({from, to}): ThreadTask => ({kind: "join", from, to}));
  for (let iter = 0; iter < params.nIters; ++iter) {
    // sampleCandidates in two passes over the threads: pick (pushes under the row locks), then mark.
    fresh.clear();
    old.clear();
    await pool.map(blocks.map(({from, to}) => ({kind: "sample", from, to, seed: random.int()})));
    await pool.map(blocks.map(({from, to}) => ({kind: "mark", from, to})));
    const updates = (await pool.map(joins)).reduce((sum, u) => sum + u, 0);
    run.report(TREES_SHARE + ((1 - TREES_SHARE) * (iter + 1)) / params.nIters);
    await run.check();
    if (updates <= params.delta * k * n) break;
  }
}
