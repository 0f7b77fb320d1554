import type {Spawn} from "./endpoint.ts";

// Node is told by process.versions, not by the absence of `window`: the headless runner installs a
// happy-dom window in Node.
const isNode = typeof process !== "undefined" && typeof process.versions?.node === "string";

// A specifier Vite cannot follow, so the browser build never bundles node:worker_threads.
const nodeSpawn = "./node-spawn.ts";

let spawn: Promise<Spawn> | undefined;

/** The spawn of the platform we run on, loaded once. */
export function loadSpawn(): Promise<Spawn> {
  return (spawn ??= isNode
    ? (import(/* @vite-ignore */ nodeSpawn) as Promise<typeof import("./node-spawn.ts")>).then((m) => m.spawn)
    : import("./browser-spawn.ts").then((m) => m.spawn));
}
