import {Worker, type Transferable as NodeTransferable} from "node:worker_threads";
import type {Spawn} from "./endpoint.ts";
import type {WorkerMessage} from "./types.ts";

// The sources are TypeScript run through tsx, and so is the worker. A worker inherits the parent's
// execArgv, `--import tsx` included, but before Node 22.22 tsx does not register itself in worker
// threads; and an explicit execArgv throws on V8 flags such as --max-old-space-size. So the worker
// starts from a bootstrap that registers tsx through its API, then loads the host. tsx is resolved from
// here, not from the working directory, which may be a user's project without it.
const bootstrap = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL("./node-host.ts", import.meta.url).href)}); });`;

export const spawn: Spawn = (events, {maxMemoryMB}) => {
  const worker = new Worker(bootstrap, {
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
