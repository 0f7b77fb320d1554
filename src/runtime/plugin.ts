import type {BakeCodec} from "./bake/codec.ts";
import {useWorkerHosts, type WorkerHosts} from "./worker/hosts.ts";

/** Where a notebook runs, as a plugin sees it when it makes its builtins. */
export interface PluginContext {
  /** The notebook file's absolute path when it runs headless in Node; undefined in a page. */
  readonly notebookPath?: string;
  /**
   * Installs a DOM where there is none (headless: happy-dom, loaded on first call); resolves once `document`
   * and the other DOM globals exist. Await it before loading code that needs a DOM (lit). Undefined in a page.
   */
  readonly dom?: () => Promise<unknown>;
}

/**
 * What extends the notebook runtime without the runtime knowing it (Phoenix's `px` and `phx` come this way,
 * from src/bindings): builtins every cell sees, and the worker entries that know its named tasks.
 */
export interface NotebookPlugin {
  /**
   * Builtins added to every cell's scope: a function is a definition (wrap a plain value's function as
   * `() => fn`), a CellScoped value is created per referencing cell. A plugin's builtin shadows the runtime's.
   */
  builtins(context: PluginContext): Readonly<Record<string, unknown>>;
  /** Worker entries that register the plugin's tasks before serving (see registerTasks). */
  readonly workerHosts?: WorkerHosts;
  /**
   * How the plugin's values are baked at build time and read back in a built page (see BakeCodec); loaded only
   * where a notebook is baked or shows a baked value.
   */
  readonly bakeCodecs?: () => Promise<readonly BakeCodec[]>;
}

/** The builtins of `plugins` for `context`, later plugins winning; installs their worker hosts. */
export function pluginBuiltins(
  plugins: readonly NotebookPlugin[],
  context: PluginContext
): Record<string, unknown> {
  return Object.assign(
    {},
    ...plugins.map((plugin) => {
      if (plugin.workerHosts) useWorkerHosts(plugin.workerHosts);
      return plugin.builtins(context);
    })
  ) as Record<string, unknown>;
}

/** The bake codecs of `plugins`, loaded, in order. */
export async function pluginBakeCodecs(plugins: readonly NotebookPlugin[]): Promise<readonly BakeCodec[]> {
  const loaded = await Promise.all(plugins.map((plugin) => plugin.bakeCodecs?.() ?? []));
  return loaded.flat();
}
