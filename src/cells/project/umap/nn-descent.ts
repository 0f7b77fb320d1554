import {NeighborHeaps, type HeapTarget} from "./neighbor-heaps.ts";
import type {Random} from "../../random.ts";
import {rpTreeLeaves, type RpTreeLeaves} from "./rp-forest.ts";
import type {StageRun} from "./stage-run.ts";
import type {VectorStore} from "./vector-store.ts";

/** How hard NN-descent searches; see `nnDescentParams` for the values used. */
export interface NnDescentParams {
  /** Random projection trees whose leaves seed the heaps. */
  readonly nTrees: number;
  /** Most points in a tree leaf. */
  readonly leafSize: number;
  /** Most new (and most old) candidates joined per point and iteration. */
  readonly maxCandidates: number;
  /** Most iterations. */
  readonly nIters: number;
  /** Stop when an iteration improves fewer than delta · n · k heap entries. */
  readonly delta: number;
}

/** umap-learn's settings for pynndescent (`nearest_neighbors`: trees, iterations, 60 candidates). */
export function nnDescentParams(n: number, k: number): NnDescentParams {
  return {
    nTrees: Math.min(64, 5 + Math.round(Math.sqrt(n) / 20)),
    leafSize: Math.max(10, k),
    maxCandidates: 60,
    nIters: Math.max(5, Math.round(Math.log2(n))),
    delta: 0.001
  };
}

/** Share of the stage's progress spent building trees; the rest goes to the descent's iterations. */
export const TREES_SHARE = 0.3;

/**
 * Approximate k nearest neighbours (squared Euclidean, the point itself included) by NN-descent
 * (Dong, Moses & Li 2011) seeded with the leaves of a random projection forest, as pynndescent does.
 */
export async function nnDescent(
  store: VectorStore,
  k: number,
  random: Random,
  run: StageRun,
  params = nnDescentParams(store.n, k)
): Promise<NeighborHeaps> {
  const n = store.n;
  const heaps = new NeighborHeaps(n, k);
  for (let i = 0; i < n; ++i) heaps.push(i, i, 0, 0);
  for (let t = 0; t < params.nTrees; ++t) {
    joinLeaves(heaps, store, rpTreeLeaves(store, params.leafSize, random));
    run.report((TREES_SHARE * (t + 1)) / params.nTrees);
    await run.check();
  }
  fillAtRandom(heaps, store, random);
  const fresh = new NeighborHeaps(n, params.maxCandidates);
  const old = new NeighborHeaps(n, params.maxCandidates);
  for (let iter = 0; iter < params.nIters; ++iter) {
    sampleCandidates(heaps, fresh, old, random);
    const updates = await joinCandidates(heaps, fresh, old, store, run);
    run.report(TREES_SHARE + ((1 - TREES_SHARE) * (iter + 1)) / params.nIters);
    if (updates <= params.delta * k * n) break;
  }
  return heaps;
}

/** Offers every pair of points sharing a leaf to both points' heaps. */
export function joinLeaves(heaps: HeapTarget, store: VectorStore, {order, starts}: RpTreeLeaves): void {
  for (let leaf = 0; leaf + 1 < starts.length; ++leaf) {
    const end = starts[leaf + 1]!;
    for (let s = starts[leaf]!; s < end; ++s) {
      const p = order[s]!;
      for (let t = s + 1; t < end; ++t) {
        const q = order[t]!;
        const d = store.distance(p, q);
        if (d < heaps.worst(p)) heaps.push(p, q, d, 1);
        if (d < heaps.worst(q)) heaps.push(q, p, d, 1);
      }
    }
  }
}

/** Tops up rows the forest left short (tiny leaves) with random points. */
export function fillAtRandom(heaps: NeighborHeaps, store: VectorStore, random: Random): void {
  const {n, k, indices} = heaps;
  for (let i = 0; i < n; ++i) {
    for (let tries = 0; indices[i * k] === -1 && tries < 4 * k; ++tries) {
      const j = random.below(n);
      if (j !== i) heaps.push(i, j, store.distance(i, j), 1);
    }
  }
}

/**
 * Picks each point's candidates for this iteration: up to `maxCandidates` new and old neighbours in both
 * directions (reverse neighbours included), chosen by random priority; new ones picked become old.
 */
export function sampleCandidates(
  heaps: NeighborHeaps,
  fresh: NeighborHeaps,
  old: NeighborHeaps,
  random: Random
): void {
  fresh.clear();
  old.clear();
  sampleRows(heaps, fresh, old, random, 0, heaps.n);
  markSampled(heaps, fresh, 0, heaps.n);
}

/** Offers the neighbours of rows [from, to) to the candidates (`fresh` or `old`) of both ends, by random priority. */
export function sampleRows(
  heaps: NeighborHeaps,
  fresh: HeapTarget,
  old: HeapTarget,
  random: Random,
  from: number,
  to: number
): void {
  const {k, indices, isNew} = heaps;
  for (let i = from; i < to; ++i) {
    for (let s = i * k, end = s + k; s < end; ++s) {
      const j = indices[s]!;
      if (j < 0 || j === i) continue;
      const priority = random.float();
      const target = isNew[s] ? fresh : old;
      if (priority < target.worst(i)) target.push(i, j, priority, 0);
      if (priority < target.worst(j)) target.push(j, i, priority, 0);
    }
  }
}

/** Marks the new neighbours of rows [from, to) that were picked as candidates old. */
export function markSampled(heaps: NeighborHeaps, fresh: NeighborHeaps, from: number, to: number): void {
  const {k, indices, isNew} = heaps;
  const m = fresh.k;
  for (let i = from; i < to; ++i) {
    for (let s = i * k, end = s + k; s < end; ++s) {
      if (!isNew[s]) continue;
      const j = indices[s]!;
      for (let c = i * m, cEnd = c + m; c < cEnd; ++c) {
        if (fresh.indices[c] === j) {
          isNew[s] = 0;
          break;
        }
      }
    }
  }
}

/** Rows joined between two checkpoints. */
const JOIN_BLOCK = 256;

/** The local join over every row, a checkpoint every JOIN_BLOCK rows; returns the heap updates made. */
async function joinCandidates(
  heaps: NeighborHeaps,
  fresh: NeighborHeaps,
  old: NeighborHeaps,
  store: VectorStore,
  run: StageRun
): Promise<number> {
  let updates = 0;
  for (let from = 0; from < heaps.n; from += JOIN_BLOCK) {
    updates += joinRows(heaps, fresh, old, store, from, Math.min(heaps.n, from + JOIN_BLOCK));
    await run.check();
  }
  return updates;
}

/**
 * The local join of rows [from, to): every new–new and new–old pair among a row's candidates is offered to
 * both points' heaps. Returns the heap updates made.
 */
export function joinRows(
  heaps: HeapTarget,
  fresh: NeighborHeaps,
  old: NeighborHeaps,
  store: VectorStore,
  from: number,
  to: number
): number {
  const m = fresh.k;
  const newIdx = fresh.indices;
  const oldIdx = old.indices;
  let updates = 0;
  for (let i = from; i < to; ++i) {
    const base = i * m;
    for (let a = base; a < base + m; ++a) {
      const p = newIdx[a]!;
      if (p < 0) continue;
      for (let b = a + 1; b < base + m; ++b) {
        const q = newIdx[b]!;
        if (q < 0) continue;
        const d = store.distance(p, q);
        if (d < heaps.worst(p)) updates += heaps.push(p, q, d, 1);
        if (d < heaps.worst(q)) updates += heaps.push(q, p, d, 1);
      }
      for (let b = base; b < base + m; ++b) {
        const q = oldIdx[b]!;
        if (q < 0 || q === p) continue;
        const d = store.distance(p, q);
        if (d < heaps.worst(p)) updates += heaps.push(p, q, d, 1);
        if (d < heaps.worst(q)) updates += heaps.push(q, p, d, 1);
      }
    }
  }
  return updates;
}
