import type {TaskEntry} from "../../runtime/worker/registry.ts";

/** The named worker tasks of px: registered by the worker entries (node-worker.ts, browser-worker.ts). */
export const phoenixTasks: readonly (readonly [string, TaskEntry])[] = [
  ["project.graph", {load: () => import("./point-cloud.ts"), export: "projectGraph"}],
  ["project.layout", {load: () => import("./point-cloud.ts"), export: "projectLayout"}],
  ["cluster", {load: () => import("./point-cloud.ts"), export: "clusterPoints"}],
  ["embed", {load: () => import("./embed.ts"), export: "embedColumns"}]
];
