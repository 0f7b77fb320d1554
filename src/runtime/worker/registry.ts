/** How to load a registered task: a lazy import (so Vite bundles the module for the browser) and its export. */
export interface TaskEntry {
  /** Imports the task's module; write it as `() => import("…")` with a literal path. */
  readonly load: () => Promise<Record<string, unknown>>;
  /** The name of the task function among the module's exports. */
  readonly export: string;
}

const tasks = new Map<string, TaskEntry>();

/** Tasks that `runTask("name", …)` and `worker.run("name", …)` can name, in the worker that runs them. */
export const registry: ReadonlyMap<string, TaskEntry> = tasks;

/**
 * Registers named tasks. Names are resolved in the worker, so a worker entry (see WorkerHosts) registers them
 * before it serves; the runtime itself registers none.
 */
export function registerTasks(entries: Iterable<readonly [string, TaskEntry]>): void {
  for (const [name, entry] of entries) tasks.set(name, entry);
}
