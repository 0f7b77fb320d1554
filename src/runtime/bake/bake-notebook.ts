import {Worker} from "node:worker_threads";
import {nodeThreadBootstrap} from "../worker/node-bootstrap.ts";
import type {CollectedBakes} from "./collect.ts";
import type {BakeThreadInput, BakeThreadMessage} from "./thread-protocol.ts";

const bootstrap = nodeThreadBootstrap(new URL("./bake-thread.ts", import.meta.url));

/**
 * Runs the notebook at `input.file` in a thread of its own (its DOM, workers and timers go with it) and
 * resolves with the values to bake; rejects, naming the file, when the thread fails.
 */
export function bakeNotebook(input: BakeThreadInput): Promise<CollectedBakes> {
  const worker = new Worker(bootstrap, {eval: true, workerData: input});
  return new Promise<CollectedBakes>((resolve, reject) => {
    const finish = (settle: () => void) => {
      worker.removeAllListeners();
      worker.on("error", () => {}); // a thread being terminated may still report one
      void worker.terminate().finally(settle);
    };
    worker.on("message", (message: BakeThreadMessage) =>
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
