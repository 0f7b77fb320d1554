import {NeighborHeaps} from "../neighbor-heaps.ts";
import {markSampled} from "../nn-descent.ts";
import {epochAlpha, runEpoch, type SampledEdges, type Schedule, type SgdParams} from "../optimize.ts";
import {Random} from "../../../random.ts";
import {rpTreeLeaves} from "../rp-forest.ts";
import {smoothRows} from "../smooth-knn.ts";
import {componentSpectral} from "../component-spectral.ts";
import type {VectorStore} from "../vector-store.ts";
import {Barrier} from "./barrier.ts";
import {Claims} from "./claims.ts";
import {
  applyOffers,
  claimedJoinOffers,
  claimedLeafOffers,
  exactOffers,
  joinOffers,
  leafOffers,
  OfferBuffer,
  type OfferArrays,
  type OfferSource
} from "./offers.ts";
import {sampleOwnedRows} from "./owned-sampling.ts";
import type {EdgeShare, ThreadTask} from "./messages.ts";
import {threadVectorStore} from "./shared-store.ts";

/** A thread's share of the layout: the edges, how it takes its turns at them, its own random stream, its slice of the sums. */
interface LayoutShare {
  /** The positions at each epoch's start, then their sums. */
  readonly embedding: Float32Array;
  /** Every thread's own copy, this thread's at `thread`. */
  readonly locals: readonly Float32Array[];
  readonly thread: number;
  /** The values of `embedding` this thread sums: [from, to). */
  readonly from: number;
  readonly to: number;
  readonly dim: number;
  readonly edges: SampledEdges;
  readonly schedule: Schedule;
  readonly share: EdgeShare;
  readonly params: SgdParams;
  readonly random: Random;
  readonly barrier: Barrier;
}

/** The kNN heaps shared with a thread, written through offers. */
interface KnnShare {
  readonly heaps: NeighborHeaps;
  readonly fresh: NeighborHeaps;
  readonly old: NeighborHeaps;
  readonly buffer: OfferBuffer;
  readonly offers: readonly OfferArrays[];
  readonly counts: Int32Array;
  readonly threads: number;
  /** The rows this thread owns: [from, to). */
  readonly from: number;
  readonly to: number;
}

/** What a thread keeps between tasks: the shared vectors and heaps, or its share of the layout. */
export class ThreadState {
  #thread = 0;
  #store: VectorStore | undefined;
  #knn: KnnShare | undefined;
  /** What the next "offer" tasks offer: a tree's leaves or the rows' join; none once offered. */
  #source: OfferSource | undefined;
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
        const {offers, counts, cuts} = task;
        const threads = cuts.length - 1;
        const owners = new Uint16Array(task.n);
        for (let t = 0; t < threads; ++t) owners.fill(t, cuts[t], cuts[t + 1]);
        const first = this.#thread * threads;
        const mine = offers.slice(first, first + threads);
        const buffer = new OfferBuffer(heaps, mine, owners, counts, first);
        const [from, to] = [cuts[this.#thread]!, cuts[this.#thread + 1]!];
        this.#knn = {heaps, fresh, old, buffer, offers, counts, threads, from, to};
        return 0;
      }
      case "tree":
        this.#source = leafOffers(this.store, rpTreeLeaves(this.store, task.leafSize, new Random(task.seed)));
        return 0;
      case "sample": {
        const {heaps, fresh, old, from, to} = this.knn;
        sampleOwnedRows(heaps, fresh, old, task.seed, from, to);
        return 0;
      }
      case "mark":
        markSampled(this.knn.heaps, this.knn.fresh, this.knn.from, this.knn.to);
        return 0;
      case "trees":
        this.#source = claimedLeafOffers(this.store, task.seeds, task.leafSize, new Claims(task.claims));
        return 0;
      case "join": {
        const {fresh, old, from, to} = this.knn;
        this.#source = task.claims
          ? claimedJoinOffers(fresh, old, this.store, new Claims(task.claims))
          : joinOffers(fresh, old, this.store, from, to);
        return 0;
      }
      case "offer": {
        const {buffer} = this.knn;
        buffer.clear();
        const done = this.#source ? this.#source(buffer) : true;
        if (done) this.#source = undefined;
        buffer.publish();
        return done ? 1 : 0;
      }
      case "apply": {
        const {heaps, offers, counts, threads} = this.knn;
        return applyOffers(heaps, offers, counts, this.#thread, threads);
      }
      case "exact":
        this.#source = exactOffers(this.store, task.from, task.to, this.#thread, this.knn.threads);
        return 0;
      case "layout": {
        const {embedding, locals, thread, dim, edges, schedule, share, params} = task;
        const threads = locals.length;
        const [random, barrier] = [new Random(task.seed), new Barrier(task.barrier, threads)];
        // Slices cut on point boundaries, so that a point's coordinates are summed by one thread.
        const points = embedding.length / dim;
        const [from, to] = [thread, thread + 1].map((t) => Math.round((points * t) / threads) * dim);
        this.#layout = {
          embedding,
          locals,
          thread,
          from: from!,
          to: to!,
          dim,
          edges,
          schedule,
          share,
          params,
          random,
          barrier
        };
        return thread;
      }
      case "smooth": {
        const {distances, k, meanDistance, sigmas, rhos, from, to} = task;
        smoothRows(distances, k, meanDistance, {sigmas, rhos}, from, to);
        return 0;
      }
      case "spectral": {
        const {graph, members, from, to, local, dim, start, out} = task;
        const embedding = componentSpectral(graph, members.subarray(from, to), local, dim, start);
        if (!embedding) return 0;
        out.set(embedding, from * dim);
        return 1;
      }
      case "epochs":
        return this.epochs(task.from, task.to);
    }
  }

  private epochs(from: number, to: number): number {
    if (!this.#layout) throw new Error("no layout was shared with this thread");
    const {embedding, locals, thread, share, barrier} = this.#layout;
    const local = locals[thread]!;
    // Two meetings an epoch, as umap-learn's parallel epochs: every thread has made its moves before any sums
    // them, and every sum is written before any thread copies the positions for the next epoch.
    for (let epoch = from; epoch < to; ++epoch) {
      local.set(embedding);
      moveEdges(this.#layout, local, epoch);
      barrier.wait();
      // Every block of this epoch is claimed and done: the next epoch's claims start again from the first.
      if (thread === 0 && share.kind === "blocks") Atomics.store(share.claims, 0, 0);
      sumMoves(embedding, locals, this.#layout.from, this.#layout.to);
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

/** A thread's edges of one epoch, moved on its own copy: its run, or blocks claimed in turn until none is left. */
function moveEdges(layout: LayoutShare, local: Float32Array, epoch: number): void {
  const {thread, dim, edges, schedule, share, params, random} = layout;
  const alpha = epochAlpha(params, epoch);
  const move = (from: number, to: number) =>
    runEpoch(local, dim, edges, schedule, params, alpha, epoch, random, from, to);
  if (share.kind === "runs") return move(share.cuts[thread]!, share.cuts[thread + 1]!);
  const {claims, blockSize} = share;
  const n = edges.head.length;
  for (;;) {
    const from = Atomics.add(claims, 0, 1) * blockSize;
    if (from >= n) return;
    move(from, Math.min(n, from + blockSize));
  }
}

/**
 * Adds every thread's moves to `embedding[from, to)`: each value becomes its start plus, thread by thread in
 * order, (the thread's value − the start), in float64, rounded once.
 */
function sumMoves(embedding: Float32Array, locals: readonly Float32Array[], from: number, to: number): void {
  for (let i = from; i < to; ++i) {
    const start = embedding[i]!;
    let sum = start;
    for (let t = 0; t < locals.length; ++t) sum += locals[t]![i]! - start;
    embedding[i] = sum;
  }
}
