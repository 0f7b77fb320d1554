import {readFileSync} from "node:fs";
import {resolve, sep} from "node:path";
import type {Plugin} from "vite";
import {parseNotebook} from "../notebook/parse.ts";
import {serveNotebooks} from "./dev-server-hooks.ts";
import {isNotebookHtml, toPagePath} from "./notebooks.ts";
import {
  clientEntry,
  CLIENT_URL,
  INSPECTOR_CSS,
  inspectorCssFile,
  packageServedDirs,
  viteCacheDir,
  workerEntry
} from "./paths.ts";
import {pagePolicy} from "./page-policy.ts";
import {providerOrigins} from "./provider-origins.ts";
import {notebookShell} from "./shell.ts";

/** Options of notebookPlugin. */
export interface NotebookPluginOptions {
  /** The directory of notebooks: each `.html` notebook in it is a page; its other files are served as is. */
  readonly root: string;
  /**
   * Absolute paths of modules whose default export is a NotebookPlugin, loaded by every page (Phoenix's
   * src/bindings/page.ts). Default: none.
   */
  readonly pagePlugins?: readonly string[];
}

// The page's module script: the client, started with the plugins' page modules. Virtual, so that the runtime
// names no plugin: the command line that composes runtime and plugins says which.
const CLIENT_MODULE = "\0phoenix-notebook-client.js";

function clientModule(pagePlugins: readonly string[]): string {
  const imports = pagePlugins.map((path, i) => `import plugin${i} from ${JSON.stringify(path)};`);
  const list = pagePlugins.map((_, i) => `plugin${i}`).join(", ");
  return [
    `import {startPage} from ${JSON.stringify(clientEntry)};`,
    ...imports,
    `startPage([${list}]);`,
    ""
  ].join("\n");
}

/**
 * Vite serves and builds notebooks with this plugin: a notebook file becomes a page (the shell embedding
 * its cells, plus the bundled client), `/` lists the notebooks, and in dev saving a notebook sends it to
 * the open page over the HMR socket instead of reloading it.
 */
export function notebookPlugin(options: NotebookPluginOptions): Plugin {
  const root = resolve(options.root);
  const pagePlugins = options.pagePlugins ?? [];
  const inRoot = (path: string) => path.startsWith(root + sep);
  let building = false;
  return {
    name: "phoenix-notebook",
    enforce: "pre",
    config: () => ({
      appType: "custom", // pages come from this plugin, not from Vite's HTML middlewares
      publicDir: false,
      cacheDir: viteCacheDir,
      resolve: {alias: [{find: INSPECTOR_CSS, replacement: inspectorCssFile}]},
      // The client lives in this package, outside the notebook directory: only its folders the page loads.
      server: {
        fs: {allow: [root, ...packageServedDirs]},
        watch: {ignored: [(path: string) => isNotebookPath(path)]}
      },
      // Crawl what the page and its workers load up front, so that no dependency found later makes Vite
      // reload the page mid-session (losing the inputs' state).
      optimizeDeps: {entries: [clientEntry, workerEntry, ...pagePlugins]},
      worker: {format: "es"}
    }),
    configResolved(config) {
      building = config.command === "build";
    },
    resolveId: (id) => (id === CLIENT_URL ? CLIENT_MODULE : undefined),
    // In a build, each notebook file is an HTML entry; Vite then bundles the shell's module script.
    load(id) {
      if (id === CLIENT_MODULE) return clientModule(pagePlugins);
      if (!id.endsWith(".html") || !inRoot(id)) return undefined;
      const html = readFileSync(id, "utf8");
      if (!isNotebookHtml(html)) return undefined;
      const file = toPagePath(root, id);
      const notebook = parseNotebook(html, file);
      // A built page carries its policy; the dev server's does not (Vite's client and HMR need more).
      const policy = building ? pagePolicy(providerOrigins(notebook)) : undefined;
      return notebookShell({file, notebook}, {policy});
    },
    configureServer(server) {
      serveNotebooks(server, root);
    }
  };

  // Notebook files are hot-updated by serveNotebooks; Vite's own watcher would reload the page on save.
  function isNotebookPath(path: string): boolean {
    return path.endsWith(".html") && inRoot(resolve(path));
  }
}
