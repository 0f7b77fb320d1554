/** How to load a registered task: a lazy import (so Vite bundles the module for the browser) and its export. */
export interface TaskEntry {
  /** Imports the task's module; write it as `() => import("…")` with a literal path. */
  readonly load: () => Promise<Record<string, unknown>>;
  /** The name of the task function among the module's exports. */
  readonly export: string;
}

/** Tasks that `runTask("name", …)` and `worker.run("name", …)` can name. */
export const registry: ReadonlyMap<string, TaskEntry> = new Map<string, TaskEntry>([
  ["project.graph", {load: () => import("./tasks/point-cloud.ts"), export: "projectGraph"}],
  ["project.layout", {load: () => import("./tasks/point-cloud.ts"), export: "projectLayout"}],
  ["cluster", {load: () => import("./tasks/point-cloud.ts"), export: "clusterPoints"}],
  ["embed", {load: () => import("./tasks/embed.ts"), export: "embedColumns"}]
]);
