import {Worker} from "node:worker_threads";
import {nodeThreadBootstrap} from "../worker/node-bootstrap.ts";
import type {CollectedBakes} from "./collect.ts";
import type {BakeThreadInput, BakeThreadMessage} from "./thread-protocol.ts";
import {isStopMessage, stoppable} from "../headless/thread-stop.ts";

const bootstrap = nodeThreadBootstrap(new URL("./bake-thread.ts", import.meta.url));

/** How long after its timeout a bake thread may go on collecting and encoding before it is given up. */
const GRACE_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs the notebook at `input.file` in a thread of its own (its DOM, workers and timers go with it) and
 * resolves with the values to bake; rejects, naming the file, when the thread fails, or when it has not
 * answered `graceMs` after its timeout: a cell that never yields (`while (true) {}`) blocks the thread's own
 * timer, so only this one can end it.
 */
export function bakeNotebook(input: BakeThreadInput, graceMs = GRACE_MS): Promise<CollectedBakes> {
  const worker = new Worker(bootstrap, {eval: true, workerData: input});
  const thread = stoppable(worker);
  return new Promise<CollectedBakes>((resolve, reject) => {
    const limit = input.timeoutMs + graceMs;
    const watchdog =
      limit <= MAX_TIMER_MS
        ? setTimeout(
            () =>
              finish(() =>
                reject(
                  new Error(
                    `${input.file}: a cell kept the bake thread busy past --bake-timeout ` +
                      `(${input.timeoutMs / 1000} s and ${graceMs / 1000} s to collect)`
                  )
                )
              ),
            limit
          )
        : undefined;
    const finish = (settle: () => void) => {
      clearTimeout(watchdog);
      worker.removeAllListeners();
      worker.on("error", () => {}); // a thread being terminated may still report one
      // Its SQL queries are interrupted first: terminating a thread whose query runs waits for the query.
      void thread.stop().finally(settle);
    };
    worker.on(
      "message",
      (message: BakeThreadMessage) =>
        isStopMessage(message) ||
        finish(() =>
          message.type === "baked"
            ? resolve({values: message.values, warnings: message.warnings})
            : reject(new Error(message.message))
        )
    );
    worker.on("error", (error: Error) =>
      finish(() => reject(new Error(`${input.file}: baking failed: ${error.message}`)))
    );
    worker.on("exit", (code) =>
      finish(() => reject(new Error(`${input.file}: the bake thread exited (code ${code}) before baking`)))
    );
  });
}
