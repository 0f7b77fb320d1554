import type {ThreadSpawner} from "./thread-port.ts";

// Node is told by process.versions, not by the absence of `window`: the headless runner installs a
// happy-dom window in Node.
const isNode = typeof process !== "undefined" && typeof process.versions?.node === "string";

// A specifier Vite cannot follow, so that page bundles never include node:worker_threads.
const nodeSpawner = "./spawn-node.ts";

let loaded: Promise<ThreadSpawner | null> | undefined;

/**
 * This platform's thread spawner, loaded once: worker_threads in Node; Web Workers in a page only when it is
 * cross-origin isolated and has SharedArrayBuffer (the threads share the vectors and the layout); else null.
 */
export function loadSpawner(): Promise<ThreadSpawner | null> {
  return (loaded ??= load());
}

async function load(): Promise<ThreadSpawner | null> {
  if (isNode) {
    const module = (await import(/* @vite-ignore */ nodeSpawner)) as typeof import("./spawn-node.ts");
    return module.spawner;
  }
  const shared = typeof SharedArrayBuffer === "function" && globalThis.crossOriginIsolated === true;
  if (!shared || typeof Worker !== "function") return null;
  return (await import("./spawn-browser.ts")).spawner;
}
