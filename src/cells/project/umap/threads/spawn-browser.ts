import type {ThreadSpawner} from "./thread-port.ts";

/** Web Workers sharing memory: only in a cross-origin isolated page (or worker), where SharedArrayBuffer exists. */
export const spawner: ThreadSpawner = {
  cores: globalThis.navigator?.hardwareConcurrency ?? 1,
  spawn(events) {
    // This literal form is the one Vite bundles as a worker.
    const worker = new Worker(new URL("./entry.ts", import.meta.url), {type: "module"});
    worker.onmessage = (event) => events.message(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      events.crash(new Error(event.message || "thread failed to start"));
    };
    worker.onmessageerror = () => events.crash(new Error("thread sent a message that could not be read"));
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => {
        worker.onmessage = worker.onerror = worker.onmessageerror = null;
        worker.terminate();
      }
    };
  }
};
