import type {Spawn} from "./endpoint.ts";
import {workerHosts} from "./hosts.ts";
import type {WorkerMessage} from "./types.ts";

export const spawn: Spawn = (events) => {
  // Written in the one form Vite recognizes, so that it bundles browser-entry.ts as a worker.
  const worker =
    workerHosts().browser?.() ?? new Worker(new URL("./browser-entry.ts", import.meta.url), {type: "module"});
  worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => events.message(event.data));
  worker.addEventListener("error", (event: Event) => {
    // The error is the run's: keep it off the page's console as an uncaught one.
    event.preventDefault();
    const error = event instanceof ErrorEvent ? (event.error ?? new Error(event.message)) : undefined;
    events.crash({kind: "uncaught", error: error ?? new Error("the worker failed to load")});
  });
  worker.addEventListener("messageerror", (event: MessageEvent) =>
    events.crash({kind: "unreadable-message", error: event.data})
  );
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    terminate: () => worker.terminate()
  };
};
