import {Worker, type Transferable as NodeTransferable} from "node:worker_threads";
import type {Spawn} from "./endpoint.ts";
import {workerHosts} from "./hosts.ts";
import {nodeThreadBootstrap} from "./node-bootstrap.ts";
import type {WorkerMessage} from "./types.ts";

const defaultEntry = new URL("./node-entry.ts", import.meta.url);

export const spawn: Spawn = (events, {maxMemoryMB}) => {
  const worker = new Worker(nodeThreadBootstrap(workerHosts().node ?? defaultEntry), {
    eval: true,
    resourceLimits: maxMemoryMB === undefined ? undefined : {maxOldGenerationSizeMb: maxMemoryMB}
  });
  worker.on("message", (message: WorkerMessage) => events.message(message));
  worker.on("error", (error: Error & {code?: string}) =>
    events.crash(
      error.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? {kind: "out-of-memory", error, limitMB: maxMemoryMB}
        : {kind: "uncaught", error}
    )
  );
  worker.on("messageerror", (error: Error) => events.crash({kind: "unreadable-message", error}));
  worker.on("exit", (code: number) => events.crash({kind: "exit", code}));
  return {
    // Node types its transferables apart from the DOM's; the buffers we send are in both.
    post: (message, transfer) => worker.postMessage(message, transfer as NodeTransferable[]),
    terminate: () => void worker.terminate()
  };
};
