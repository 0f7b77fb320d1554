import type {HeapTarget, NeighborHeaps} from "../neighbor-heaps.ts";

// A row lock's states (Drepper's "Futexes are tricky", mutex 2): free, held, held with threads asleep on it.
const FREE = 0;
const HELD = 1;
const CONTENDED = 2;

/**
 * Heaps in shared memory that several threads push into: a push takes its row's lock (`locks[row]`), so a
 * row's heap is only ever changed by one thread at a time. Uncontended, a lock costs one compare-exchange; a
 * thread that finds it held sleeps (Atomics.wait) rather than spins, so that a lock holder descheduled on a
 * busy machine does not leave the others burning their time. `worst` reads without the lock: a stale bound
 * only lets a candidate through to the locked push, which checks again.
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
    let state = Atomics.compareExchange(locks, row, FREE, HELD);
    if (state !== FREE) {
      if (state !== CONTENDED) state = Atomics.exchange(locks, row, CONTENDED);
      while (state !== FREE) {
        Atomics.wait(locks, row, CONTENDED);
        state = Atomics.exchange(locks, row, CONTENDED);
      }
    }
    const kept = this.heaps.push(row, j, distance, isNew);
    // Sequentially consistent: the heap's writes are seen by the next thread to take the lock.
    if (Atomics.sub(locks, row, 1) !== HELD) {
      Atomics.store(locks, row, FREE);
      Atomics.notify(locks, row, 1);
    }
    return kept;
  }
}
