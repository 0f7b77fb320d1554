import {joinLeaves, joinRows} from "../nn-descent.ts";
import type {HeapTarget, NeighborHeaps} from "../neighbor-heaps.ts";
import {rpTreeLeaves, type RpTreeLeaves as Leaves} from "../rp-forest.ts";
import {Random} from "../../../random.ts";
import type {VectorStore} from "../vector-store.ts";
import type {Claims} from "./claims.ts";

/** Neighbours offered to rows, one entry each, in shared memory: row ← neighbor at distance. */
export interface OfferArrays {
  readonly rows: Int32Array;
  readonly neighbors: Int32Array;
  readonly distances: Float32Array;
}

/**
 * Offers a thread gathers per round for one owner, at most: about 2M for all of them over all threads (24 MB),
 * and never less than one round's worth of work (a join row's pairs, a leaf's).
 */
export function offerCapacity(threads: number, perRow: number, leafSize: number): number {
  return Math.max(1 << 14, Math.ceil((1 << 21) / (threads * threads)), perRow, leafSize * leafSize);
}

/** The capacity exact kNN's offers need: a row's pairs with every later row, offered to both ends. */
export function exactCapacity(threads: number, n: number): number {
  return Math.max(1 << 14, Math.ceil((1 << 21) / (threads * threads)), 2 * n);
}

/** A row's join pairs at most with `m` candidates: new–new (m choose 2) and new–old (m²), offered to both ends. */
export function joinRowOffers(m: number): number {
  return 2 * ((m * (m - 1)) / 2 + m * m);
}

export function sharedOfferArrays(capacity: number): OfferArrays {
  return {
    rows: new Int32Array(new SharedArrayBuffer(capacity * 4)),
    neighbors: new Int32Array(new SharedArrayBuffer(capacity * 4)),
    distances: new Float32Array(new SharedArrayBuffer(capacity * 4))
  };
}

/**
 * A heap target that only writes down what is offered, sorted by the thread that owns the row: while threads
 * gather offers the heaps are read (for their bounds) and never written, and afterwards each thread applies
 * the offers made to the rows it owns (`applyOffers`). No two threads ever write one row, so nothing needs a
 * lock, no cache line bounces between cores on every push, and the heaps come out the same on every run:
 * this is pynndescent's parallel scheme.
 */
export class OfferBuffer implements HeapTarget {
  readonly #counts: Int32Array;

  constructor(
    private readonly heaps: NeighborHeaps,
    /** This thread's offers to each owner. */
    private readonly segments: readonly OfferArrays[],
    /** The owner of each row. */
    private readonly owners: Uint16Array,
    /** Every thread's offer count to every owner, this thread's published at `first`. */
    private readonly published: Int32Array,
    private readonly first: number
  ) {
    this.#counts = new Int32Array(segments.length);
  }

  worst(row: number): number {
    return this.heaps.worst(row);
  }

  push(row: number, j: number, distance: number): number {
    const owner = this.owners[row]!;
    const c = this.#counts[owner]!++;
    const {rows, neighbors, distances} = this.segments[owner]!;
    rows[c] = row;
    neighbors[c] = j;
    distances[c] = distance;
    return 0;
  }

  /** Whether `entries` more offers fit, wherever they go. */
  hasRoom(entries: number): boolean {
    for (let owner = 0; owner < this.#counts.length; ++owner)
      if (this.#counts[owner]! + entries > this.segments[owner]!.rows.length) return false;
    return true;
  }

  /** Empties the buffer for a new round. */
  clear(): void {
    this.#counts.fill(0);
  }

  /** Makes this round's offers visible to their owners (sequentially consistent stores). */
  publish(): void {
    for (let owner = 0; owner < this.#counts.length; ++owner)
      Atomics.store(this.published, this.first + owner, this.#counts[owner]!);
  }
}

/**
 * Applies the offers every thread published for `owner`'s rows, thread by thread in order (as new
 * neighbours); returns how many were kept. `all[t · threads + owner]` holds thread t's offers to `owner`.
 */
export function applyOffers(
  heaps: NeighborHeaps,
  all: readonly OfferArrays[],
  published: Int32Array,
  owner: number,
  threads: number
): number {
  let kept = 0;
  for (let t = 0; t < threads; ++t) {
    const segment = t * threads + owner;
    const {rows, neighbors, distances} = all[segment]!;
    for (let c = 0, count = Atomics.load(published, segment); c < count; ++c)
      kept += heaps.push(rows[c]!, neighbors[c]!, distances[c]!, 1);
  }
  return kept;
}

/** Work that offers neighbours into a buffer: returns true once done, false when the buffer filled first. */
export type OfferSource = (buffer: OfferBuffer) => boolean;

/** The pairs of every leaf of a tree, leaf by leaf. */
export function leafOffers(store: VectorStore, {order, starts}: Leaves): OfferSource {
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

/**
 * The pairs of the leaves of trees claimed in turn (tree i grown from seeds[i]), until every tree is claimed;
 * the round ends when any thread's buffer is full.
 */
export function claimedLeafOffers(
  store: VectorStore,
  seeds: readonly number[],
  leafSize: number,
  claims: Claims
): OfferSource {
  let leaves: OfferSource | undefined;
  return (buffer) => {
    for (;;) {
      if (claims.stopped) return false;
      if (!leaves) {
        const tree = claims.next();
        if (tree >= seeds.length) return true;
        leaves = leafOffers(store, rpTreeLeaves(store, leafSize, new Random(seeds[tree]!)));
      }
      if (!leaves(buffer)) {
        claims.stop();
        return false;
      }
      leaves = undefined;
    }
  };
}

/** Rows per claim in a join taken in turns: a few milliseconds of work. */
const JOIN_BLOCK = 32;

/**
 * NN-descent's local join of every row, the rows claimed in blocks in turn; the round ends when any thread's
 * buffer is full.
 */
export function claimedJoinOffers(
  fresh: NeighborHeaps,
  old: NeighborHeaps,
  store: VectorStore,
  claims: Claims
): OfferSource {
  const perRow = joinRowOffers(fresh.k);
  const n = fresh.n;
  let [row, end] = [0, 0];
  return (buffer) => {
    for (;;) {
      if (row === end) {
        row = claims.next() * JOIN_BLOCK;
        if (row >= n) return true;
        end = Math.min(n, row + JOIN_BLOCK);
      }
      for (; row < end; ++row) {
        if (claims.stopped) return false;
        if (!buffer.hasRoom(perRow)) {
          claims.stop();
          return false;
        }
        joinRows(buffer, fresh, old, store, row, row + 1);
      }
    }
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
  const perRow = joinRowOffers(fresh.k);
  let row = from;
  return (buffer) => {
    for (; row < to; ++row) {
      if (!buffer.hasRoom(perRow)) return false;
      joinRows(buffer, fresh, old, store, row, row + 1);
    }
    return true;
  };
}

/**
 * Exact kNN's pairs (i, j > i) for the rows i in [from, to) that are `thread` modulo `threads` (interleaved,
 * so that the threads' shares of pairs are even), row by row.
 */
export function exactOffers(
  store: VectorStore,
  from: number,
  to: number,
  thread: number,
  threads: number
): OfferSource {
  const n = store.n;
  let i = from + ((thread - (from % threads) + threads) % threads);
  return (buffer) => {
    for (; i < to; i += threads) {
      if (!buffer.hasRoom(2 * (n - i))) return false;
      for (let j = i + 1; j < n; ++j) {
        const d = store.distance(i, j);
        if (d < buffer.worst(i)) buffer.push(i, j, d);
        if (d < buffer.worst(j)) buffer.push(j, i, d);
      }
    }
    return true;
  };
}
