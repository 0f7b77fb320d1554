import {quietBuildLogs} from "./build-logs.ts";
import {readFileSync} from "node:fs";
import {isBuiltin} from "node:module";
import {fileURLToPath} from "node:url";
import {dirname, resolve, sep} from "node:path";
import type {Plugin} from "vite";
import type {BakeManifest} from "../bake/types.ts";
import {parseNotebook} from "../notebook/parse.ts";
import {serveNotebooks} from "./dev-server-hooks.ts";
import {isNotebookHtml, toPagePath} from "./notebooks.ts";
import {
  clientEntry,
  CLIENT_URL,
  editorEntry,
  INSPECTOR_CSS,
  inspectorCssFile,
  packageServedDirs,
  viteCacheDir,
  workerEntry
} from "./paths.ts";
import {pagePolicy} from "./page-policy.ts";
import {providerOrigins} from "./provider-origins.ts";
import {notebookShell, pageClientUrl} from "./shell.ts";
import {planNotebook} from "../compile/ahead.ts";
import {bakedPreloadTags} from "./baked-preloads.ts";
import {CellsFiles} from "./cells-files.ts";
import {compilerEntry, pageCompiler} from "./page-compiler.ts";
import {
  CLIENT_MODULE,
  clientModule,
  pageClientModule,
  pageOfClientModule,
  type PageImport
} from "./client-module.ts";
import {faviconHref} from "./favicon.ts";
import {
  originalOf,
  resolvesIntoCopy,
  trimmedExpression,
  trimmedModule,
  trimmedOf,
  wholeCopy
} from "./trimmed-libraries.ts";
import {notebookImports} from "../compile/notebook-imports.ts";
import "../compile/typescript-node.ts";
import {forPage} from "../compile/typescript.ts";
import {
  isRelativeSpecifier,
  isUrlSpecifier,
  noSuchModule,
  notInstalled,
  packageSpecifier
} from "../stdlib/import-module.ts";
import {resolvePackage} from "../stdlib/import-node.ts";
import {ImportBounds} from "./import-bounds.ts";
import {realPath} from "../stdlib/module-bounds.ts";
import {ImportGuard} from "./import-guard.ts";

/** Options of notebookPlugin. */
export interface NotebookPluginOptions {
  /** The directory of notebooks: each `.html` notebook in it is a page; its other files are served as is. */
  readonly root: string;
  /**
   * Absolute paths of modules whose default export is a NotebookPlugin, loaded by every page (Phoenix's
   * src/bindings/page.ts). Default: none.
   */
  readonly pagePlugins?: readonly string[];
  /** In a build, compile the cells ahead, so the pages ship no parser (see BuildSiteOptions). Default: true. */
  readonly compileAhead?: boolean;
  /** In a build, the baked cells of each page, by page path (see bakeSite). Default: none. */
  readonly bakes?: ReadonlyMap<string, BakeManifest>;
  /**
   * How workers are bundled: "es" modules, or one "iife" classic script each (a single-file page's: a file://
   * page cannot start a module worker from a blob: URL, nor can such a worker load anything). Default: "es".
   */
  readonly workerFormat?: "es" | "iife";
  /**
   * In a build, a baked page's <head> preloads what its baked values wait on (see bakedPreloads); a single-file
   * page, which inlines those files, has nothing to preload. Default: true.
   */
  readonly preloadBakes?: boolean;
  /**
   * In a build, told each import the notebooks' modules make that the page may not bundle (a module outside the
   * notebooks' folder, a dotfile: import-bounds.ts), one line naming the notebook, the importing module and the
   * specifier; the build goes on, with a stand-in that throws the line, so that every such import is told.
   * Default: none, and such an import fails the build at once.
   */
  readonly onRefused?: (message: string) => void;
}

// Output names: the chunk holding the page client (and its stylesheet) is `notebook-runtime-*`.
function runtimeChunkNames() {
  let runtimeName: string | undefined;
  return {
    chunkFileNames(chunk: {name: string; moduleIds: readonly string[]}): string {
      if (!chunk.moduleIds.includes(clientEntry)) return "assets/[name]-[hash].js";
      runtimeName = chunk.name;
      return `assets/${RUNTIME_CHUNK}-[hash].js`;
    },
    assetFileNames(asset: {names: readonly string[]}): string {
      const runtime = runtimeName !== undefined && asset.names.includes(`${runtimeName}.css`);
      return runtime ? `assets/${RUNTIME_CHUNK}-[hash][extname]` : "assets/[name]-[hash][extname]";
    }
  };
}

/** The name of the chunk every built page loads first: the runtime and the page client. */
export const RUNTIME_CHUNK = "notebook-runtime";

// The plugin's own virtual modules.
function resolveOwn(id: string): string | undefined {
  if (trimmedOf(id) !== undefined) return id;
  if (id === CLIENT_URL) return CLIENT_MODULE;
  if (id.startsWith(`${CLIENT_URL}?page=`))
    return pageClientModule(decodeURIComponent(id.slice(`${CLIENT_URL}?page=`.length)));
  return undefined;
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
  const ahead = () => building && options.compileAhead !== false;
  const cellsFiles = new CellsFiles();
  const bounds = new ImportBounds(realPath(root));
  const guard = new ImportGuard(bounds, {building: () => building, onRefused: options.onRefused});
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
      optimizeDeps: {entries: [clientEntry, compilerEntry, editorEntry, workerEntry, ...pagePlugins]},
      // A worker a notebook's module starts is bundled apart, with these plugins: the same bounds hold there.
      worker: {
        format: options.workerFormat ?? "es",
        rolldownOptions: {onLog: quietBuildLogs},
        plugins: () => [guard.plugin()]
      },
      // A font stays a file of the site: inlined as a data: URL (KaTeX's smallest are under Vite's 4 KiB limit)
      // the page's policy, which lets fonts load from the site only, would block it.
      build: {
        assetsInlineLimit: (file: string) => (/\.(woff2?|ttf|otf)$/i.test(file) ? false : undefined),
        // The chunk every page loads first, and its stylesheet, are named for what they are, not for whichever
        // module the bundler happened to name them after (they were `precompiled-*.js` and `.css`).
        rolldownOptions: {output: runtimeChunkNames(), onLog: quietBuildLogs}
      }
    }),
    configResolved(config) {
      building = config.command === "build";
    },
    async resolveId(id, importer, resolveOptions) {
      // In a build, the whole d3 and Plot are a copy of their modules, so that what the trimmed builtins and the
      // components import of them is tree-shaken (trimmed-libraries.ts).
      if (building && importer !== undefined && resolvesIntoCopy(id, importer)) {
        const from = originalOf(importer);
        const resolved = await this.resolve(id, from, {...resolveOptions, skipSelf: true});
        return resolved && !resolved.external ? {...resolved, id: wholeCopy(resolved.id)} : resolved;
      }
      // A trimmed module's package, as this package's client finds it (the notebooks' folder may have none).
      if (importer !== undefined && trimmedOf(importer) !== undefined)
        return this.resolve(id, clientEntry, {...resolveOptions, skipSelf: true});
      // What the notebooks' modules import, whatever imports them: the page publishes it (import-guard.ts).
      return resolveOwn(id) ?? guard.resolveId(this, id, importer, resolveOptions);
    },
    // A file a module reads with `new URL("./x.png", import.meta.url)`: Vite reads it itself, unresolved.
    transform(code, id) {
      return guard.transform(this, code, id);
    },
    // In a build, each notebook file is an HTML entry; Vite then bundles the shell's module script.
    async load(id) {
      if (id === CLIENT_MODULE) return clientModule(pagePlugins);
      const standIn = guard.load(id);
      if (standIn !== undefined) return standIn;
      const page = pageOfClientModule(id);
      if (page !== undefined) {
        const path = resolve(root, page);
        if (!inRoot(path)) return clientModule(pagePlugins);
        const notebook = parseNotebook(readFileSync(path, "utf8"), page);
        // A built page imports its cells compiled (no parser ships); a dev server's page compiles them itself.
        const cellsFile = ahead() ? cellsFiles.emit(this, page, notebook) : undefined;
        const compiler = pageCompiler(cellsFile);
        const imports = await Promise.all(
          notebookImports(notebook).map((specifier) =>
            pageImport(specifier, path, bounds, (s, from) => this.resolve(s, from))
          )
        );
        for (const {resolved} of imports) if (resolved !== undefined) guard.reached(resolved, page);
        // A built page's Plot and d3: only what its cells read (trimmed-libraries.ts).
        return clientModule(
          pagePlugins,
          imports,
          compiler,
          ahead() ? trimmedExpression(page, notebook) : "{}"
        );
      }
      const trimmed = trimmedOf(id);
      if (trimmed !== undefined) {
        const path = resolve(root, trimmed.file);
        if (!inRoot(path)) throw new Error(`${trimmed.file}: not a notebook of ${root}`);
        return trimmedModule(trimmed.library, parseNotebook(readFileSync(path, "utf8"), trimmed.file));
      }
      if (!id.endsWith(".html") || !inRoot(id)) return undefined;
      const html = readFileSync(id, "utf8");
      if (!isNotebookHtml(html)) return undefined;
      const file = toPagePath(root, id);
      const notebook = parseNotebook(html, file);
      // A built page carries its policy; the dev server's does not (Vite's client and HMR need more).
      const policy = building ? pagePolicy(providerOrigins(notebook)) : undefined;
      const bakes = building ? options.bakes?.get(file) : undefined;
      return notebookShell(
        {file, notebook: forPage(notebook), ...(bakes ? {bakes} : {})},
        {
          policy,
          clientUrl: ahead() ? pageClientUrl(file) : pageClientUrl(file, notebook),
          // The icon at the site's root: the build copies it there (build-site.ts), the dev server serves it.
          favicon: faviconHref(file)
        }
      );
    },
    generateBundle() {
      cellsFiles.named(this);
    },
    // After Vite's own processing of the page, which would take an attached file for an asset of its own: the
    // cells module (the client imports it once it runs: preloaded, it loads beside the client instead) and
    // the baked values' files.
    transformIndexHtml: {
      order: "post",
      handler(_html, {filename}) {
        if (!building) return [];
        const page = toPagePath(root, filename);
        const tags = cellsFiles.preload(page);
        const manifest = options.preloadBakes !== false ? options.bakes?.get(page) : undefined;
        if (!manifest) return tags;
        const plans = planNotebook(parseNotebook(readFileSync(filename, "utf8"), page));
        return [...tags, ...bakedPreloadTags(plans, manifest)];
      }
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

/**
 * How a page's bundle loads a specifier its cells import: a relative module from the notebook's folder, a
 * package (`npm:` or bare) from the project's node_modules, as Vite resolves it. Never a URL off the site.
 */
async function pageImport(
  specifier: string,
  notebookPath: string,
  bounds: ImportBounds,
  resolveWith: (specifier: string, importer: string) => Promise<{id: string; external?: unknown} | null>
): Promise<PageImport> {
  if (isUrlSpecifier(specifier))
    return {specifier, error: `cannot import "${specifier}": a page loads nothing off its own site`};
  const target = isRelativeSpecifier(specifier) ? specifier : packageSpecifier(specifier);
  // As the runner resolves them (stdlib/import-node.ts): from the notebook's folder up, else the working
  // directory's project, else the packages phoenix-notebook brings.
  const importers = isRelativeSpecifier(specifier)
    ? [notebookPath]
    : [notebookPath, resolve(process.cwd(), "index.js"), fileURLToPath(import.meta.url)];
  // A Node built-in, unless a package is installed under its name: the runner refuses it, and Vite would give
  // the page an empty stand-in (`fs.readFileSync` undefined) with a notice on the console instead.
  if (!isRelativeSpecifier(specifier) && isBuiltin(target)) {
    const found = resolvePackage(specifier, importers);
    if (typeof found !== "string") return {specifier, error: found.error};
  }
  for (const importer of importers) {
    const resolved = await resolveWith(target, importer).catch(() => null);
    if (!resolved || resolved.external) continue;
    // A module beside the notebook is published with it; one outside its folder is not the notebook's to ship
    // (as an attachment outside it is refused).
    if (isRelativeSpecifier(specifier) && !resolved.id.startsWith(dirname(notebookPath) + sep))
      return {specifier, error: `cannot import "${specifier}": it lies outside the notebook's folder`};
    // Nor a dotfile (`./.env?raw`), nor a link out of the folder: what its own imports may not reach either.
    const why = bounds.refusal(specifier, resolved.id);
    if (why !== undefined) return {specifier, error: `cannot import "${specifier}": ${why}`};
    return {specifier, resolved: resolved.id};
  }
  return {
    specifier,
    error: isRelativeSpecifier(specifier) ? noSuchModule(specifier) : notInstalled(specifier)
  };
}
