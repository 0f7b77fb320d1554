// Node only (the runner): imports resolve as Node resolves them from the notebook's folder.
import {stat} from "node:fs/promises";
import {createRequire, isBuiltin, register} from "node:module";
import {basename, dirname, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {
  isRelativeSpecifier,
  isUrlSpecifier,
  nodeBuiltin,
  noSuchModule,
  notInstalled,
  packageSpecifier,
  type ImportModule
} from "./import-module.ts";
import type {BoundsHooksData} from "./import-bounds-hooks.ts";
import {moduleRefusal, realPath} from "./module-bounds.ts";

/**
 * The `__import__` of a notebook file: `./x.js` relative to it; `npm:name@range/path` and bare names from the
 * node_modules of its folder or a folder above, else of the working directory's project, else the packages
 * phoenix-notebook itself brings (d3, Plot, Arrow, …). A package none of them has is an error naming it and
 * the `npm install` that fixes it. A Node built-in is refused by name, as the page refuses it (it has none); a
 * bare built-in's name (`events`, `buffer`) imports the package installed under that name, as a page bundles it.
 */
export function nodeImporter(notebookPath: string): ImportModule {
  const directory = dirname(resolve(notebookPath));
  const from = [resolve(directory, "notebook.js"), resolve(process.cwd(), "index.js"), import.meta.filename];
  return async (specifier) => {
    if (isUrlSpecifier(specifier)) return (await import(specifier)) as Record<string, unknown>;
    if (isRelativeSpecifier(specifier)) {
      // Within the notebook's folder, dotfiles never, as the page imports: the module and what it imports.
      const root = realPath(directory);
      const why = moduleRefusal(root, specifier, resolve(directory, specifier.replace(/[?#].*$/s, "")));
      if (why !== undefined) throw new Error(`cannot import "${specifier}": ${why}`);
      guardFolder(root, basename(notebookPath));
      return importRelative(specifier, resolve(directory, specifier));
    }
    const path = resolvePackage(specifier, from);
    if (typeof path !== "string") throw new Error(path.error);
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  };
}

// The notebook folders whose modules' imports this thread's module hooks check (import-bounds-hooks.ts):
// registered when a cell first imports a module of the folder, so that a run that imports none starts no
// hooks thread.
const guarded = new Set<string>();
function guardFolder(root: string, notebook: string): void {
  if (guarded.has(root)) return;
  guarded.add(root);
  const data: BoundsHooksData = {root, notebook};
  register(new URL("./import-bounds-hooks.ts", import.meta.url), {data});
}

// A module beside the notebook. When it is not there, the page's words: Node's own would name this file as the
// importer. Only that file's absence is reworded; a module it imports that is missing keeps Node's message,
// which names the module that imports it.
async function importRelative(specifier: string, path: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND";
    if (missing && !(await stat(path.replace(/[?#].*$/s, "")).catch(() => undefined))?.isFile())
      throw new Error(noSuchModule(specifier), {cause: error});
    throw error;
  }
}

/**
 * The file of a package specifier (`npm:name@range/path` or bare) as Node resolves it from the first of `from`
 * (files) that has it, or why none does: not installed, or a Node built-in. A `node:` name is always the
 * built-in; a bare built-in's name (`events`, `buffer`) is the package installed under it, if one is, as a
 * bundler resolves it for the page. The runner and the page's bundle (vite/plugin.ts) both ask here.
 */
export function resolvePackage(specifier: string, from: readonly string[]): string | {error: string} {
  if (specifier.startsWith("node:")) return {error: nodeBuiltin(specifier)};
  const name = packageSpecifier(specifier);
  // Node resolves a built-in's name to the built-in whatever is installed; a trailing slash asks for the package.
  const builtin = isBuiltin(name);
  for (const file of from) {
    try {
      return createRequire(file).resolve(builtin ? `${name}/` : name);
    } catch {
      // Not here: the next place.
    }
  }
  return {error: builtin ? nodeBuiltin(specifier) : notInstalled(specifier)};
}
