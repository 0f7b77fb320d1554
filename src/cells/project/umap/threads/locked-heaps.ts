import type {HeapTarget, NeighborHeaps} from "../neighbor-heaps.ts";

/**
 * Heaps in shared memory that several threads push into: a push takes its row's spin lock (a compare-exchange
 * on `locks[row]`), so a row's heap is only ever changed by one thread at a time. `worst` reads without the
 * lock: a stale bound only lets a candidate through to the locked push, which checks again.
 */
export class LockedHeaps implements HeapTarget {
  constructor(
    private readonly heaps: NeighborHeaps,
    private readonly locks: Int32Array
  ) {}

  worst(row: number): number {
    return this.heaps.worst(row);
  }

  push(row: number, j: number, distance: number, isNew: number): number {
    const locks = this.locks;
    while (Atomics.compareExchange(locks, row, 0, 1) !== 0);
    const kept = this.heaps.push(row, j, distance, isNew);
    // Sequentially consistent: the heap's writes are seen by the next thread to take the lock.
    Atomics.store(locks, row, 0);
    return kept;
  }
}
