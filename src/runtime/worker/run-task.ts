import {fromErrorMessage} from "./error-message.ts";
import {loadSpawn} from "./platform.ts";
import type {RunTaskOptions, TaskRef, WorkerMessage} from "./types.ts";
import {WorkerError} from "./worker-error.ts";

let lastId = 0;

/**
 * Runs a task in a worker of its own (a Web Worker in the browser, worker_threads in Node) and resolves
 * with its result, whose buffers are transferred back. Rejects with the task's error, with a WorkerError
 * if the worker dies, or with the signal's reason (an AbortError) once the signal aborts; the worker is
 * terminated in every case.
 */
export async function runTask<R>(task: TaskRef, args: unknown, options: RunTaskOptions = {}): Promise<R> {
  const {signal, onProgress, transfer = [], maxMemoryMB} = options;
  if (maxMemoryMB !== undefined && !(maxMemoryMB > 0))
    throw new RangeError(`bad maxMemoryMB: ${maxMemoryMB} (expected a positive number of MB)`);
  signal?.throwIfAborted();
  const spawn = await loadSpawn();
  signal?.throwIfAborted();
  const id = ++lastId;
  return new Promise<R>((resolve, reject) => {
    let stage: string | undefined;
    let settled = false;
    const settle = (done: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", abort);
      endpoint.terminate();
      done();
    };
    const abort = (): void => {
      // Tell a task that watches its signal; terminate() follows at once regardless.
      endpoint.post({type: "cancel", id}, []);
      settle(() => reject(signal?.reason));
    };
    const receive = (message: WorkerMessage): void => {
      // A message queued before terminate() took effect is stale once the run has settled.
      if (message.id !== id || settled) return;
      switch (message.type) {
        case "progress":
          stage = message.stage ?? stage;
          onProgress?.(message.fraction, message.stage);
          break;
        case "result":
          return settle(() => resolve(message.value as R));
        case "error":
          return settle(() => reject(fromErrorMessage(message)));
      }
    };
    const endpoint = spawn(
      {
        message(message) {
          try {
            receive(message);
          } catch (error) {
            // A throwing onProgress fails this run, not the page.
            settle(() => reject(error));
          }
        },
        crash: (crash) => settle(() => reject(new WorkerError(task, crash, stage)))
      },
      {maxMemoryMB}
    );
    signal?.addEventListener("abort", abort);
    try {
      endpoint.post({type: "start", id, task, args}, transfer);
    } catch (error) {
      // Arguments that cannot be cloned.
      settle(() => reject(error));
    }
  });
}
