import {NeighborHeaps, type HeapTarget} from "../neighbor-heaps.ts";
import {joinLeaves, joinRows} from "../nn-descent.ts";
import {newSchedule, runEpoch, type SampledEdges, type Schedule, type SgdParams} from "../optimize.ts";
import {Random} from "../../../random.ts";
import {rpTreeLeaves} from "../rp-forest.ts";
import type {VectorStore} from "../vector-store.ts";
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
}

/** What a thread keeps between tasks: the shared vectors and heaps, or its share of the layout. */
export class ThreadState {
  #thread = 0;
  #store: VectorStore | undefined;
  #heaps: HeapTarget | undefined;
  #fresh: NeighborHeaps | undefined;
  #old: NeighborHeaps | undefined;
  #layout: LayoutShare | undefined;

  /** Runs one task; its number result goes back to the pool. */
  run(task: ThreadTask): number {
    switch (task.kind) {
      case "store":
        this.#thread = task.thread;
        this.#store = threadVectorStore(task.store, task.thread);
        return 0;
      case "heaps":
        this.#heaps = new LockedHeaps(new NeighborHeaps(task.n, task.k, task.heaps), task.locks);
        this.#fresh = new NeighborHeaps(task.n, task.candidates, task.fresh);
        this.#old = new NeighborHeaps(task.n, task.candidates, task.old);
        return 0;
      case "tree":
        joinLeaves(this.heaps, this.store, rpTreeLeaves(this.store, task.leafSize, new Random(task.seed)));
        return 0;
      case "join":
        return joinRows(this.heaps, this.#fresh!, this.#old!, this.store, task.from, task.to);
      case "exact":
        return exactRows(this.heaps, this.store, task.rowStart, task.rowEnd, task.tile);
      case "layout": {
        const edges = {head: task.head, tail: task.tail, epochsPerSample: task.epochsPerSample};
        const {embedding, dim, params} = task;
        const schedule = newSchedule(edges, params.negativeSampleRate);
        this.#layout = {embedding, dim, edges, schedule, params, random: new Random(task.seed)};
        return this.#thread;
      }
      case "epoch": {
        const share = this.#layout!;
        runEpoch(
          share.embedding,
          share.dim,
          share.edges,
          share.schedule,
          share.params,
          task.alpha,
          task.epoch,
          share.random
        );
        return 0;
      }
    }
  }

  private get store(): VectorStore {
    if (!this.#store) throw new Error("no vectors were shared with this thread");
    return this.#store;
  }

  private get heaps(): HeapTarget {
    if (!this.#heaps) throw new Error("no heaps were shared with this thread");
    return this.#heaps;
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
