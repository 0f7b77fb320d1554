import {joinLeaves, joinRows} from "../nn-descent.ts";
import type {HeapTarget, NeighborHeaps} from "../neighbor-heaps.ts";
import type {RpTreeLeaves} from "../rp-forest.ts";
import type {VectorStore} from "../vector-store.ts";

/** Neighbours offered to rows, one entry each, in shared memory: row ← neighbor at distance. */
export interface OfferArrays {
  readonly rows: Int32Array;
  readonly neighbors: Int32Array;
  readonly distances: Float32Array;
}

/** Offers a thread gathers per round, at most (room for two full join rows of 60 candidates, or a leaf of 1,000). */
export const OFFER_CAPACITY = 1 << 20;

export function sharedOfferArrays(capacity = OFFER_CAPACITY): OfferArrays {
  return {
    rows: new Int32Array(new SharedArrayBuffer(capacity * 4)),
    neighbors: new Int32Array(new SharedArrayBuffer(capacity * 4)),
    distances: new Float32Array(new SharedArrayBuffer(capacity * 4))
  };
}

/**
 * A heap target that only writes down what is offered: while threads gather offers the heaps are read (for
 * their bounds) and never written, and afterwards each thread applies the offers to the rows it owns
 * (`applyOffers`). No two threads ever write one row, so nothing needs a lock, no cache line bounces between
 * cores on every push, and the heaps come out the same on every run: this is pynndescent's parallel scheme.
 */
export class OfferBuffer implements HeapTarget {
  #count = 0;

  constructor(
    private readonly heaps: NeighborHeaps,
    private readonly arrays: OfferArrays,
    /** Each thread's offer count, published for the others. */
    private readonly counts: Int32Array,
    private readonly thread: number
  ) {}

  worst(row: number): number {
    return this.heaps.worst(row);
  }

  push(row: number, j: number, distance: number): number {
    const c = this.#count++;
    this.arrays.rows[c] = row;
    this.arrays.neighbors[c] = j;
    this.arrays.distances[c] = distance;
    return 0;
  }

  /** Whether `entries` more offers fit. */
  hasRoom(entries: number): boolean {
    return this.#count + entries <= this.arrays.rows.length;
  }

  /** Empties the buffer for a new round. */
  clear(): void {
    this.#count = 0;
  }

  /** Makes this round's offers visible to the other threads (a sequentially consistent store). */
  publish(): void {
    Atomics.store(this.counts, this.thread, this.#count);
  }
}

/**
 * Applies every thread's published offers, thread by thread in order, to the rows in [from, to) (as new
 * neighbours); returns how many were kept.
 */
export function applyOffers(
  heaps: NeighborHeaps,
  all: readonly OfferArrays[],
  counts: Int32Array,
  from: number,
  to: number
): number {
  let kept = 0;
  for (let t = 0; t < all.length; ++t) {
    const {rows, neighbors, distances} = all[t]!;
    for (let c = 0, count = Atomics.load(counts, t); c < count; ++c) {
      const row = rows[c]!;
      if (row >= from && row < to) kept += heaps.push(row, neighbors[c]!, distances[c]!, 1);
    }
  }
  return kept;
}

/** Work that offers neighbours into a buffer: returns true once done, false when the buffer filled first. */
export type OfferSource = (buffer: OfferBuffer) => boolean;

/** The pairs of every leaf of a tree, leaf by leaf. */
export function leafOffers(store: VectorStore, {order, starts}: RpTreeLeaves): OfferSource {
  let leaf = 0;
  return (buffer) => {
    for (; leaf + 1 < starts.length; ++leaf) {
      const size = starts[leaf + 1]! - starts[leaf]!;
      if (!buffer.hasRoom(size * (size - 1))) return false;
      joinLeaves(buffer, store, {order, starts: starts.subarray(leaf, leaf + 2)});
    }
    return true;
  };
}

/** NN-descent's local join of rows [from, to), row by row. */
export function joinOffers(
  fresh: NeighborHeaps,
  old: NeighborHeaps,
  store: VectorStore,
  from: number,
  to: number
): OfferSource {
  const m = fresh.k;
  // A row's pairs: new–new (m choose 2) and new–old (m²), each offered to both ends.
  const perRow = 2 * ((m * (m - 1)) / 2 + m * m);
  let row = from;
  return (buffer) => {
    for (; row < to; ++row) {
      if (!buffer.hasRoom(perRow)) return false;
      joinRows(buffer, fresh, old, store, row, row + 1);
    }
    return true;
  };
}
