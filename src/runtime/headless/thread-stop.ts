// Ending a notebook thread (the runner's, a bake's) that may have SQL queries running: the parent asks the
// thread to interrupt them and waits until they have unwound, then terminates it. A thread with none running
// is terminated at once, so a cell that never yields (`while (true) {}`) costs no wait.
import type {MessagePort, Worker} from "node:worker_threads";
import {interruptQueries, watchQueryCount} from "../sql/running-queries.ts";

/** How long a thread's queries get to unwind once interrupted (DuckDB checks for it between chunks). */
const UNWIND_MS = 5_000;

type StopMessage =
  | {readonly type: "phoenix-notebook.queries"; readonly count: number}
  | {readonly type: "phoenix-notebook.stop"}
  | {readonly type: "phoenix-notebook.stopped"};

/** In the thread: reports how many queries run, and interrupts them when the parent asks. */
export function answerStop(port: MessagePort): void {
  watchQueryCount((count) =>
    port.postMessage({type: "phoenix-notebook.queries", count} satisfies StopMessage)
  );
  port.on("message", (message: StopMessage) => {
    if (message?.type !== "phoenix-notebook.stop") return;
    void interruptQueries(UNWIND_MS).then(() =>
      port.postMessage({type: "phoenix-notebook.stopped"} satisfies StopMessage)
    );
  });
  // Listening must not keep the thread alive: one with nothing left to do ends by itself, which is how the
  // runner learns that its pending cells can never settle.
  port.unref();
}

/**
 * In the parent: follows `worker`'s running queries (call before anything else listens) and gives `stop`,
 * which interrupts them, waits for them to unwind (at most UNWIND_MS and a second), and terminates the thread.
 * Messages of the protocol are its own: `isStopMessage` tells the caller's listener to skip them.
 */
export function stoppable(worker: Worker): {stop(): Promise<void>} {
  let queries = 0;
  const count = (message: StopMessage) => {
    if (message?.type === "phoenix-notebook.queries") queries = message.count;
  };
  worker.on("message", count);
  return {
    async stop() {
      if (queries > 0) {
        await new Promise<void>((done) => {
          const timer = setTimeout(done, UNWIND_MS + 1000);
          const stopped = (message: StopMessage) => {
            if (message?.type !== "phoenix-notebook.stopped") return;
            clearTimeout(timer);
            done();
          };
          worker.on("message", stopped);
          worker.once("exit", () => (clearTimeout(timer), done()));
          worker.postMessage({type: "phoenix-notebook.stop"} satisfies StopMessage);
        });
      }
      await worker.terminate();
    }
  };
}

/** Whether `message` is one of this protocol's (the thread's own messages are the caller's). */
export function isStopMessage(message: unknown): boolean {
  const type = (message as {type?: unknown} | null)?.type;
  return typeof type === "string" && type.startsWith("phoenix-notebook.");
}
