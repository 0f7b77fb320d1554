/**
 * The bindings: what joins the Phoenix cells (src/index.ts) and views (src/components) to notebooks, as
 * NotebookPlugins of the runtime (which knows neither). The command line hands these modules to the runtime:
 * the runner's notebook thread imports `nodePlugin`, every page imports `pagePlugin`.
 */
// plugins: the modules the CLI hands to the runtime
export {nodePlugin, pagePlugin} from "./plugin-modules.ts";
// single files: which of the page plugin's modules a page carries (build --single-file)
export {phoenixLazyModules} from "./single-file.ts";

// phx: the builtin's view functions and their options (types only: the CLI loads no view)
export type {
  ClusterExplorerOptions,
  DriftTimelineOptions,
  FeatureDriftTableOptions,
  Phx,
  PointCloudOptions
} from "./phx.ts";
