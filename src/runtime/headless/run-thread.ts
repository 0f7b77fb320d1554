import {Worker} from "node:worker_threads";
import {nodeThreadBootstrap} from "../worker/node-bootstrap.ts";
import type {CellResult} from "./cell-result.ts";
import type {NotebookThreadInput, NotebookThreadMessage} from "./thread-protocol.ts";
import {stoppable} from "./thread-stop.ts";

/** How a run in a notebook thread ended. */
export type ThreadOutcome =
  /** The cells as they last stood; `settled` is false when the deadline passed first. */
  | ({kind: "ran"; results: CellResult[]; settled: boolean} & Uncaught)
  /** The thread ran out of work with cells pending: nothing left could ever settle them. */
  | ({kind: "stalled"; results: CellResult[]} & Uncaught)
  /** The thread died (out of memory, an error while opening the notebook): the cells as they last stood, and why. */
  | ({kind: "crashed"; results: CellResult[]; message: string} & Uncaught)
  | {kind: "usage"; message: string}
  | {kind: "format"; message: string}
  /** The thread did not get as far as running the cells within the deadline. */
  | {kind: "not-opened"; ms: number};

/** What a run that got to its cells also reports. */
export interface Uncaught {
  /**
   * The errors no cell's computation caught while the run lasted (a timer's callback threw, a promise nobody
   * awaited rejected), in order, as the runner prints them (see describeUncaught); none is a cell's status.
   */
  uncaught: string[];
}

export interface ThreadOptions {
  /**
   * The deadline for the cells to settle, ms, counted from when they start to run; Infinity (or anything past
   * a timer's range) for none. Opening the notebook (starting the thread, loading the runtime, reading the
   * file) has its own deadline before that, at least a minute, so a slow start on a loaded machine neither
   * eats the cells' time nor fails a short deadline.
   */
  timeoutMs: number;
  onProgress?: (label: string, fraction: number, stage?: string) => void;
}

// setTimeout's range; a longer delay would fire at once (with a TimeoutOverflowWarning).
const MAX_TIMER_MS = 2 ** 31 - 1;
const MIN_OPEN_MS = 60_000;

const bootstrap = nodeThreadBootstrap(new URL("./notebook-thread.ts", import.meta.url));

/**
 * Runs a notebook in a worker thread and resolves with its cells once all have settled or the deadline
 * passed. Either way the thread is terminated: a cell that never yields the thread, a timer or an endless
 * async loop a cell left running, ends with it. The parent keeps every cell's latest report, posted as it
 * changed, so what it reports after terminating is exactly what the cells had reached.
 */
export function runNotebookThread(
  input: NotebookThreadInput,
  options: ThreadOptions
): Promise<ThreadOutcome> {
  const worker = new Worker(bootstrap, {eval: true, workerData: input});
  const thread = stoppable(worker);
  const results = new Map<number, CellResult>();
  let order: number[] = [];
  const latest = () => order.flatMap((id) => results.get(id) ?? []);
  const uncaught: string[] = [];
  return new Promise<ThreadOutcome>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startTimer = (ms: number, outcome: () => ThreadOutcome) => {
      clearTimeout(timer);
      if (ms <= MAX_TIMER_MS) timer = setTimeout(() => finish(outcome()), ms);
    };
    const finish = (outcome: ThreadOutcome) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      // A thread that is terminated may still emit "error" as it goes: it must not become an uncaught one.
      worker.on("error", () => {});
      // Its SQL queries are interrupted first: terminating a thread whose query runs waits for the query.
      void thread.stop().finally(() => resolve(outcome));
    };
    const openMs = Math.max(options.timeoutMs, MIN_OPEN_MS);
    startTimer(openMs, () => ({kind: "not-opened", ms: openMs}));
    worker.on("message", (message: NotebookThreadMessage) => {
      switch (message.type) {
        case "cell":
          results.set(message.id, message.result);
          order = message.order;
          return;
        case "opened":
          return startTimer(options.timeoutMs, () => ({
            kind: "ran",
            results: latest(),
            settled: false,
            uncaught
          }));
        case "progress":
          return options.onProgress?.(message.label, message.fraction, message.stage);
        case "uncaught":
          uncaught.push(message.text);
          return;
        case "settled":
          return finish({kind: "ran", results: latest(), settled: true, uncaught});
        case "usage":
        case "format":
          return finish({kind: message.type, message: message.message});
      }
    });
    worker.on("error", (error: Error) =>
      finish({kind: "crashed", results: latest(), message: error.message, uncaught})
    );
    // A thread ends by itself only when it has nothing left to do: no timer, no I/O, only promises that
    // nothing will resolve. Cells still pending then can never settle; waiting for the deadline is pointless.
    worker.on("exit", (code) =>
      finish(
        code === 0
          ? {kind: "stalled", results: latest(), uncaught}
          : {
              kind: "crashed",
              results: latest(),
              message: `the notebook thread exited with code ${code}`,
              uncaught
            }
      )
    );
  });
}
