// Node only: loaded by a dynamic import behind a Node check (platform.ts), so that page bundles never reach
// node:worker_threads.
import {availableParallelism} from "node:os";
import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import {Worker} from "node:worker_threads";
import type {ThreadPort, ThreadSpawner} from "./thread-port.ts";

const entry = new URL("./entry.ts", import.meta.url);

/** The bundler tsx runs on: a dependency of tsx, so present wherever these sources run. */
interface Esbuild {
  build(options: {
    entryPoints: string[];
    bundle: true;
    write: false;
    format: "cjs";
    platform: "node";
    target: string;
    logLevel: "silent";
  }): Promise<{outputFiles: {text: string}[]}>;
}

let bundled: Promise<string> | undefined;

/**
 * The source of a `new Worker(source, {eval: true})` that runs `moduleUrl`. A compiled `.js` entry (the
 * published package) is imported as is. Run from the TypeScript sources, the entry is bundled once per
 * process into one script by esbuild, the transformer tsx itself runs on: registering tsx in each worker
 * (before Node 22.22 it does not register itself in worker threads) cost about a second per thread, which a
 * user of the package never pays. The bundle is built in esbuild's own process (about 150 ms) while this
 * thread goes on with the caller's work (copying the vectors into shared memory, say).
 */
function workerSource(moduleUrl: URL): string | Promise<string> {
  if (!moduleUrl.pathname.endsWith(".ts")) return `import(${JSON.stringify(moduleUrl.href)});`;
  bundled ??= (createRequire(import.meta.resolve("tsx/esm/api"))("esbuild") as Esbuild)
    .build({
      entryPoints: [fileURLToPath(moduleUrl)],
      bundle: true,
      write: false,
      format: "cjs",
      platform: "node",
      target: `node${process.versions.node}`,
      logLevel: "silent"
    })
    .then((result) => result.outputFiles[0]!.text)
    .catch((error: unknown) => {
      // Not kept: the next pool builds again rather than failing on this build's error for ever.
      bundled = undefined;
      throw error;
    });
  return bundled;
}

export const spawner: ThreadSpawner = {
  cores: availableParallelism(),
  spawn(events): ThreadPort {
    let worker: Worker | undefined;
    let terminated = false;
    // Messages posted before the worker exists (its source still bundling) wait here, in order.
    const queue: unknown[] = [];
    const crash = (error: unknown) => {
      if (!terminated) events.crash(error instanceof Error ? error : new Error(String(error)));
    };
    const start = (source: string) => {
      if (terminated) return;
      worker = new Worker(source, {eval: true});
      worker.on("message", (data: unknown) => events.message(data));
      worker.on("error", (error: Error) => events.crash(error));
      worker.on("messageerror", (error: Error) => events.crash(error));
      worker.on("exit", (code: number) => events.crash(new Error(`thread exited with code ${code}`)));
      for (const message of queue.splice(0)) worker.postMessage(message);
    };
    const source = workerSource(entry);
    // A build that fails, a worker that cannot start or a queued message that cannot be cloned all crash
    // this thread, which fails the pool's tasks rather than leaving them waiting.
    if (typeof source === "string") start(source);
    else source.then(start).catch(crash);
    return {
      post: (message) => (worker ? worker.postMessage(message) : queue.push(message)),
      terminate: () => {
        terminated = true;
        worker?.removeAllListeners();
        void worker?.terminate();
      }
    };
  }
};
