import {NeighborHeaps, type HeapTarget} from "../neighbor-heaps.ts";
import {joinLeaves, joinRows, markSampled, sampleRows} from "../nn-descent.ts";
import {
  epochAlpha,
  newSchedule,
  runEpoch,
  type SampledEdges,
  type Schedule,
  type SgdParams
} from "../optimize.ts";
import {Random} from "../../../random.ts";
import {rpTreeLeaves} from "../rp-forest.ts";
import type {VectorStore} from "../vector-store.ts";
import {Barrier} from "./barrier.ts";
import {LockedHeaps} from "./locked-heaps.ts";
import type {ThreadTask} from "./messages.ts";
import {threadVectorStore} from "./shared-store.ts";

/** A thread's share of the layout: its edges, their schedule, its own random stream. */
interface LayoutShare {
  readonly embedding: Float32Array;
  readonly dim: number;
  readonly edges: SampledEdges;
  readonly schedule: Schedule;
  readonly params: SgdParams;
  readonly random: Random;
  readonly barrier: Barrier;
}

/** The kNN heaps shared with a thread: read plainly, pushed into under the row locks. */
interface KnnShare {
  readonly heaps: NeighborHeaps;
  readonly locked: HeapTarget;
  readonly fresh: NeighborHeaps;
  readonly old: NeighborHeaps;
  readonly lockedFresh: HeapTarget;
  readonly lockedOld: HeapTarget;
}

/** What a thread keeps between tasks: the shared vectors and heaps, or its share of the layout. */
export class ThreadState {
  #thread = 0;
  #store: VectorStore | undefined;
  #knn: KnnShare | undefined;
  #layout: LayoutShare | undefined;

  /** Runs one task; its number result goes back to the pool. */
  run(task: ThreadTask): number {
    switch (task.kind) {
      case "store":
        this.#thread = task.thread;
        this.#store = threadVectorStore(task.store, task.thread);
        return 0;
      case "heaps": {
        const heaps = new NeighborHeaps(task.n, task.k, task.heaps);
        const fresh = new NeighborHeaps(task.n, task.candidates, task.fresh);
        const old = new NeighborHeaps(task.n, task.candidates, task.old);
        const lock = (target: NeighborHeaps) => new LockedHeaps(target, task.locks);
        // Rows of `fresh` and `old` share a lock: a thread holds one lock at a time, so none can deadlock.
        this.#knn = {heaps, locked: lock(heaps), fresh, old, lockedFresh: lock(fresh), lockedOld: lock(old)};
        return 0;
      }
      case "tree":
        joinLeaves(
          this.knn.locked,
          this.store,
          rpTreeLeaves(this.store, task.leafSize, new Random(task.seed))
        );
        return 0;
      case "sample": {
        const {heaps, lockedFresh, lockedOld} = this.knn;
        sampleRows(heaps, lockedFresh, lockedOld, new Random(task.seed), task.from, task.to);
        return 0;
      }
      case "mark":
        markSampled(this.knn.heaps, this.knn.fresh, task.from, task.to);
        return 0;
      case "join": {
        const {locked, fresh, old} = this.knn;
        return joinRows(locked, fresh, old, this.store, task.from, task.to);
      }
      case "exact":
        return exactRows(this.knn.locked, this.store, task.rowStart, task.rowEnd, task.tile);
      case "layout": {
        const edges = {head: task.head, tail: task.tail, epochsPerSample: task.epochsPerSample};
        const {embedding, dim, params} = task;
        const schedule = newSchedule(edges, params.negativeSampleRate);
        const [random, barrier] = [new Random(task.seed), new Barrier(task.barrier, task.threads)];
        this.#layout = {embedding, dim, edges, schedule, params, random, barrier};
        return this.#thread;
      }
      case "epochs":
        return this.epochs(task.from, task.to);
    }
  }

  private epochs(from: number, to: number): number {
    if (!this.#layout) throw new Error("no layout was shared with this thread");
    const {embedding, dim, edges, schedule, params, random, barrier} = this.#layout;
    // Every thread finishes an epoch before any starts the next, as umap-learn's parallel epochs do: a thread
    // paused by a busy machine must not find the others epochs ahead.
    for (let epoch = from; epoch < to; ++epoch) {
      runEpoch(embedding, dim, edges, schedule, params, epochAlpha(params, epoch), epoch, random);
      barrier.wait();
    }
    return 0;
  }

  private get store(): VectorStore {
    if (!this.#store) throw new Error("no vectors were shared with this thread");
    return this.#store;
  }

  private get knn(): KnnShare {
    if (!this.#knn) throw new Error("no heaps were shared with this thread");
    return this.#knn;
  }
}

/** Exact kNN's pairs (i, j > i) for i in [rowStart, rowEnd), column tile by column tile (cache-sized). */
function exactRows(
  heaps: HeapTarget,
  store: VectorStore,
  rowStart: number,
  rowEnd: number,
  tile: number
): number {
  const n = store.n;
  for (let colStart = rowStart; colStart < n; colStart += tile) {
    const colEnd = Math.min(n, colStart + tile);
    for (let i = rowStart; i < rowEnd; ++i) {
      for (let j = Math.max(colStart, i + 1); j < colEnd; ++j) {
        const d = store.distance(i, j);
        if (d < heaps.worst(i)) heaps.push(i, j, d, 0);
        if (d < heaps.worst(j)) heaps.push(j, i, d, 0);
      }
    }
  }
  return 0;
}
