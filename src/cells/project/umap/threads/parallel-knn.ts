import {fillAtRandom, nnDescentParams, TREES_SHARE} from "../nn-descent.ts";
import {NeighborHeaps, sharedHeapArrays} from "../neighbor-heaps.ts";
import type {Random} from "../../../random.ts";
import type {StageRun} from "../stage-run.ts";
import type {VectorStore} from "../vector-store.ts";
import {Claims} from "./claims.ts";
import type {ThreadPool} from "./pool.ts";
import {exactCapacity, joinRowOffers, offerCapacity, sharedOfferArrays} from "./offers.ts";
import {sharedVectorStore} from "./shared-store.ts";

/** Exact kNN's rows are offered in this many chunks, for progress and aborts in between. */
const EXACT_CHUNKS = 32;

/**
 * The kNN heaps of `vectors` computed by the pool's threads, as pynndescent runs it in parallel: each thread
 * owns a contiguous run of rows; the brute-force pairs (exact) or the trees and NN-descent's joins are computed
 * by every thread into offers, and each thread applies everyone's offers to its own rows (offers.ts), so no row
 * is written by two threads. The result is bit-reproducible for a given thread count. Exact neighbours are
 * those of one thread (up to ties); NN-descent's differ from one thread's as another seed's would (its
 * priorities are hashed, its bounds tighten per round).
 */
export async function parallelKnn(
  pool: ThreadPool,
  vectors: Float32Array,
  dim: number,
  unit: boolean,
  k: number,
  exact: boolean,
  random: Random,
  run: StageRun,
  balanced = false
): Promise<NeighborHeaps> {
  const n = vectors.length / dim;
  const {store, spec} = sharedVectorStore(vectors, n, dim, unit, pool.size);
  await pool.broadcast((thread) => ({kind: "store", store: spec, thread}));
  const heaps = new NeighborHeaps(n, k, sharedHeapArrays(n, k));
  for (let i = 0; i < n; ++i) heaps.push(i, i, 0, 0);
  const candidates = exact ? 0 : nnDescentParams(n, k).maxCandidates;
  const fresh = new NeighborHeaps(n, candidates, sharedHeapArrays(n, candidates));
  const old = new NeighborHeaps(n, candidates, sharedHeapArrays(n, candidates));
  // Offers from each thread to each owner (NN-descent), and their counts.
  const threads = pool.size;
  const capacity = exact
    ? exactCapacity(threads, n)
    : offerCapacity(threads, joinRowOffers(candidates), nnDescentParams(n, k).leafSize);
  const offers = Array.from({length: threads * threads}, () => sharedOfferArrays(capacity));
  const counts = new Int32Array(new SharedArrayBuffer(threads * threads * 4));
  const cuts = Int32Array.from({length: threads + 1}, (_, t) => Math.round((n * t) / threads));
  await pool.broadcast(() => ({
    kind: "heaps",
    n,
    k,
    heaps: heaps.arrays,
    candidates,
    fresh: fresh.arrays,
    old: old.arrays,
    offers,
    counts,
    cuts
  }));
  if (exact) await exactChunks(pool, n, run);
  else await descend(pool, heaps, fresh, old, store, random, run, balanced ? Claims.state() : undefined);
  // Out of shared memory: a caller may transfer the graph's arrays, which a SharedArrayBuffer refuses.
  return new NeighborHeaps(n, k, {
    indices: heaps.indices.slice(),
    distances: heaps.distances.slice(),
    isNew: heaps.isNew.slice()
  });
}

/** Exact kNN: chunks of rows, each offered by every thread (its rows, interleaved) and applied. */
async function exactChunks(pool: ThreadPool, n: number, run: StageRun): Promise<void> {
  const totalPairs = (n * (n - 1)) / 2;
  // Pairs (i, j > i) of rows before `row`.
  const pairsBefore = (row: number) => totalPairs - ((n - row) * (n - row - 1)) / 2;
  for (let chunk = 0; chunk < EXACT_CHUNKS; ++chunk) {
    const [from, to] = [chunk, chunk + 1].map((c) => Math.round((n * c) / EXACT_CHUNKS));
    if (from === to) continue;
    await pool.broadcast(() => ({kind: "exact", from: from!, to: to!}));
    await offerRounds(pool, run);
    run.report(pairsBefore(to!) / totalPairs);
    await run.check();
  }
}

/**
 * nnDescent's phases: the trees, a round of them at a time (one per thread), then the random top-up here,
 * then per iteration the sampling and marking of each thread's rows and the joins; the offers of trees and
 * joins are gathered and applied in rounds until every thread's are. With `claims` (threads: "auto"), the
 * trees and the joins' rows are taken in turn rather than shared out in fixed parts, so that a slower core
 * holds the others back only by its last piece.
 */
async function descend(
  pool: ThreadPool,
  heaps: NeighborHeaps,
  fresh: NeighborHeaps,
  old: NeighborHeaps,
  store: VectorStore,
  random: Random,
  run: StageRun,
  claims?: Int32Array
): Promise<void> {
  const {n, k} = heaps;
  const params = nnDescentParams(n, k);
  const seeds = Array.from({length: params.nTrees}, () => random.int());
  if (claims) {
    Claims.restart(claims);
    await pool.broadcast(() => ({kind: "trees", seeds, leafSize: params.leafSize, claims}));
    // Progress by the trees claimed so far (a claim past the last is no tree).
    const claimed = () => Math.min(seeds.length, Atomics.load(claims, 0)) / seeds.length;
    await offerRounds(pool, run, claims, () => run.report(TREES_SHARE * claimed()));
    run.report(TREES_SHARE);
  } else await treeRounds(pool, seeds, params.leafSize, run);
  fillAtRandom(heaps, store, random);
  for (let iter = 0; iter < params.nIters; ++iter) {
    fresh.clear();
    old.clear();
    const seed = random.int();
    await pool.broadcast(() => ({kind: "sample", seed}));
    await pool.broadcast(() => ({kind: "mark"}));
    if (claims) Claims.restart(claims);
    await pool.broadcast(() => (claims ? {kind: "join", claims} : {kind: "join"}));
    const updates = await offerRounds(pool, run, claims);
    run.report(TREES_SHARE + ((1 - TREES_SHARE) * (iter + 1)) / params.nIters);
    await run.check();
    if (updates <= params.delta * k * n) break;
  }
}

/** The trees in rounds of one per thread, each round's leaves offered and applied before the next. */
async function treeRounds(
  pool: ThreadPool,
  seeds: readonly number[],
  leafSize: number,
  run: StageRun
): Promise<void> {
  for (let first = 0; first < seeds.length; first += pool.size) {
    const round = seeds.slice(first, first + pool.size);
    await Promise.all(round.map((seed, thread) => pool.run(thread, {kind: "tree", seed, leafSize})));
    await offerRounds(pool, run);
    run.report((TREES_SHARE * Math.min(seeds.length, first + pool.size)) / seeds.length);
    await run.check();
  }
}

/**
 * Gathers and applies offers round by round until every thread has offered all its work; returns those kept.
 * With `claims`, a round ends once any thread's buffer is full.
 */
async function offerRounds(
  pool: ThreadPool,
  run: StageRun,
  claims?: Int32Array,
  onRound?: () => void
): Promise<number> {
  let kept = 0;
  for (;;) {
    // A round ended by one thread's full buffer ends for all: the next starts unstopped.
    if (claims) Claims.resume(claims);
    const done = await pool.broadcast(() => ({kind: "offer"}));
    for (const applied of await pool.broadcast(() => ({kind: "apply"}))) kept += applied;
    onRound?.();
    await run.check();
    if (done.every((d) => d === 1)) return kept;
  }
}
