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
  buildSync(options: {
    entryPoints: string[];
    bundle: true;
    write: false;
    format: "cjs";
    platform: "node";
    target: string;
    logLevel: "silent";
  }): {outputFiles: {text: string}[]};
}

let bundled: string | undefined;

/**
 * The source of a `new Worker(source, {eval: true})` that runs `moduleUrl`. A compiled `.js` entry (the
 * published package) is imported as is. Run from the TypeScript sources, the entry is bundled once per
 * process into one script by esbuild, the transformer tsx itself runs on: registering tsx in each worker
 * (before Node 22.22 it does not register itself in worker threads) cost about a second per thread, which a
 * user of the package never pays.
 */
function workerSource(moduleUrl: URL): string {
  if (!moduleUrl.pathname.endsWith(".ts")) return `import(${JSON.stringify(moduleUrl.href)});`;
  if (bundled === undefined) {
    const esbuild = createRequire(import.meta.resolve("tsx/esm/api"))("esbuild") as Esbuild;
    const result = esbuild.buildSync({
      entryPoints: [fileURLToPath(moduleUrl)],
      bundle: true,
      write: false,
      format: "cjs",
      platform: "node",
      target: `node${process.versions.node}`,
      logLevel: "silent"
    });
    bundled = result.outputFiles[0]!.text;
  }
  return bundled;
}

export const spawner: ThreadSpawner = {
  cores: availableParallelism(),
  spawn(events): ThreadPort {
    const worker = new Worker(workerSource(entry), {eval: true});
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
