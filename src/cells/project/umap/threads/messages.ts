import type {FuzzyGraph} from "../fuzzy-graph.ts";
import type {HeapArrays} from "../neighbor-heaps.ts";
import type {SampledEdges, Schedule, SgdParams} from "../optimize.ts";
import type {OfferArrays} from "./offers.ts";

/** The input vectors as threads share them: padded rows in shared wasm memory, or plain rows in a SharedArrayBuffer. */
export type SharedStoreSpec =
  | {
      readonly kind: "simd";
      readonly memory: WebAssembly.Memory;
      readonly n: number;
      readonly dim: number;
      readonly stride: number;
    }
  | {readonly kind: "array"; readonly data: Float32Array; readonly n: number; readonly dim: number};

/** A job for one thread. Typed arrays in it are views of SharedArrayBuffers unless said otherwise. */
export type ThreadTask =
  /** Read the vectors through `store`; `thread` picks the thread's own hyperplane row. */
  | {readonly kind: "store"; readonly store: SharedStoreSpec; readonly thread: number}
  /**
   * Share the kNN heaps (n × k) and NN-descent's candidates: thread t owns rows [cuts[t], cuts[t + 1]),
   * gathers its offers to owner o in `offers[t · threads + o]` and applies everyone's offers to its own rows.
   */
  | {
      readonly kind: "heaps";
      readonly n: number;
      readonly k: number;
      readonly heaps: HeapArrays;
      readonly candidates: number;
      readonly fresh: HeapArrays;
      readonly old: HeapArrays;
      readonly offers: readonly OfferArrays[];
      /** The round's offer count of each of `offers`. */
      readonly counts: Int32Array;
      readonly cuts: Int32Array;
    }
  /** Build one random projection tree from `seed`: its leaves' pairs are the thread's offers to come. */
  | {readonly kind: "tree"; readonly seed: number; readonly leafSize: number}
  /** NN-descent's candidates of the rows the thread owns (priorities from `seed`). */
  | {readonly kind: "sample"; readonly seed: number}
  /** The new neighbours of the rows the thread owns that were picked, marked old. */
  | {readonly kind: "mark"}
  /**
   * Every tree, claimed in turn from `claims` (a `Claims` state): tree i is grown from seeds[i], and its
   * leaves' pairs are the offers to come.
   */
  | {
      readonly kind: "trees";
      readonly seeds: readonly number[];
      readonly leafSize: number;
      readonly claims: Int32Array;
    }
  /**
   * NN-descent's local join: of the rows the thread owns, or with `claims`, of blocks of rows claimed in turn
   * (a `Claims` state). The thread's offers to come.
   */
  | {readonly kind: "join"; readonly claims?: Int32Array}
  /** Gather the next offers (a round's worth); replies 1 once the thread's work is all offered, else 0. */
  | {readonly kind: "offer"}
  /** Apply every thread's offers of the round to the rows the thread owns; replies with those kept. */
  | {readonly kind: "apply"}
  /** Exact kNN: every pair of a row in [from, to) with a row after it: the thread's offers to come. */
  | {readonly kind: "exact"; readonly from: number; readonly to: number}
  /**
   * Move the layout along these edges (every edge and its schedule, shared) in the epochs to come: each epoch
   * on `locals[thread]`, a copy of `embedding` taken at the epoch's start, then every thread's moves are summed
   * into `embedding` (each thread sums one slice of the points). The thread's edges: its own run
   * [cuts[thread], cuts[thread + 1]) (bit-reproducible), or, with `claims`, blocks of `blockSize` edges claimed
   * in turn from `claims[0]` each epoch (balanced to each core's speed, not reproducible).
   */
  | {
      readonly kind: "layout";
      readonly thread: number;
      readonly embedding: Float32Array;
      readonly locals: readonly Float32Array[];
      readonly dim: number;
      readonly edges: SampledEdges;
      readonly schedule: Schedule;
      readonly params: SgdParams;
      readonly seed: number;
      /** A `Barrier` the threads meet at twice an epoch (moves made, moves summed). */
      readonly barrier: Int32Array;
      readonly share: EdgeShare;
    }
  /** σ and ρ of the kNN rows [from, to) (n × k distances) into `sigmas` and `rhos` (smoothRows). */
  | {
      readonly kind: "smooth";
      readonly distances: Float32Array;
      readonly k: number;
      readonly meanDistance: number;
      readonly sigmas: Float32Array;
      readonly rhos: Float32Array;
      readonly from: number;
      readonly to: number;
    }
  /**
   * The spectral embedding of the component whose points are members[from, to) (componentSpectral, from
   * `start`) into out[from · dim, to · dim); replies 1, or 0 when it has none (the caller judges whether
   * one found is usable, componentExpansion, and otherwise makes the layout on its own thread).
   */
  | {
      readonly kind: "spectral";
      readonly graph: FuzzyGraph;
      readonly members: Int32Array;
      readonly from: number;
      readonly to: number;
      readonly local: Int32Array;
      readonly dim: number;
      readonly start: Float64Array | null;
      readonly out: Float64Array;
    }
  /** Run epochs [from, to) of the thread's edges. */
  | {readonly kind: "epochs"; readonly from: number; readonly to: number};

/** How a layout's edges are shared out: fixed runs per thread, or blocks claimed in turn. */
export type EdgeShare =
  | {readonly kind: "runs"; readonly cuts: Int32Array}
  | {readonly kind: "blocks"; readonly claims: Int32Array; readonly blockSize: number};

/** A task sent to a thread, numbered so that its reply finds it. */
export interface TaskMessage {
  readonly id: number;
  readonly task: ThreadTask;
}

/** A thread's reply: the task's number result, or the error it threw (name and message; stacks stay behind). */
export type ReplyMessage =
  | {readonly id: number; readonly ok: true; readonly value: number}
  | {readonly id: number; readonly ok: false; readonly name: string; readonly message: string};
