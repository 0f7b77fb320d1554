// The Phoenix plugin for notebook pages: exports are offered as downloads, and Web Workers start from
// browser-worker.ts, which knows px's tasks.
import type {NotebookPlugin} from "../runtime/plugin.ts";
import {phoenixBuiltins} from "./builtins.ts";
import {downloadTarget} from "./export-target.ts";

const plugin: NotebookPlugin = {
  builtins: () => phoenixBuiltins(downloadTarget),
  // Written in the one form Vite recognizes, so that it bundles browser-worker.ts (and the tasks) as a worker.
  bakeCodecs: () => import("./bake/index.ts").then(({pxCodecs}) => pxCodecs),
  workerHosts: {browser: () => new Worker(new URL("./browser-worker.ts", import.meta.url), {type: "module"})}
};

export default plugin;
