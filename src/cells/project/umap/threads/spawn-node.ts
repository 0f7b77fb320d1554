// Node only: loaded by a dynamic import behind a Node check (platform.ts), so that page bundles never reach
// node:worker_threads.
import {availableParallelism} from "node:os";
import {Worker} from "node:worker_threads";
import type {ThreadSpawner} from "./thread-port.ts";

const entry = new URL("./entry.ts", import.meta.url);

/**
 * The source of a `new Worker(source, {eval: true})` that loads `moduleUrl`. Run from the TypeScript sources
 * the entry is `.ts`, and before Node 22.22 tsx does not register itself in worker threads, so the bootstrap
 * registers it through its API first (as the runtime's workers do); a compiled `.js` entry is imported as is.
 */
function bootstrap(moduleUrl: URL): string {
  const target = JSON.stringify(moduleUrl.href);
  if (!moduleUrl.pathname.endsWith(".ts")) return `import(${target});`;
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${target}); });`;
}

export const spawner: ThreadSpawner = {
  cores: availableParallelism(),
  spawn(events) {
    const worker = new Worker(bootstrap(entry), {eval: true});
    worker.on("message", (data: unknown) => events.message(data));
    worker.on("error", (error: Error) => events.crash(error));
    worker.on("messageerror", (error: Error) => events.crash(error));
    worker.on("exit", (code: number) => events.crash(new Error(`thread exited with code ${code}`)));
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => {
        worker.removeAllListeners();
        void worker.terminate();
      }
    };
  }
};
