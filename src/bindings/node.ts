// The Phoenix plugin for notebooks run headless in Node (the runner, tests): exports are saved under the
// notebook's exports/ folder, and workers start from node-worker.ts, which knows px's tasks.
import {dirname, join} from "node:path";
import type {NotebookPlugin} from "../runtime/plugin.ts";
import {phoenixBuiltins} from "./builtins.ts";
import {downloadTarget} from "./export-target.ts";
import {saveExportsTo} from "./save-exports.ts";

const plugin: NotebookPlugin = {
  builtins: ({notebookPath, dom}) =>
    phoenixBuiltins(
      notebookPath === undefined ? downloadTarget : saveExportsTo(join(dirname(notebookPath), "exports")),
      dom
    ),
  bakeCodecs: () => import("./bake/index.ts").then(({pxCodecs}) => pxCodecs),
  workerHosts: {node: new URL("./node-worker.ts", import.meta.url)}
};

export default plugin;
