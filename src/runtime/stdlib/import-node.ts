// Node only (the runner): imports resolve as Node resolves them from the notebook's folder.
import {createRequire} from "node:module";
import {dirname, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {
  isRelativeSpecifier,
  isUrlSpecifier,
  notInstalled,
  packageSpecifier,
  type ImportModule
} from "./import-module.ts";

/**
 * The `__import__` of a notebook file: `./x.js` relative to it; `npm:name@range/path` and bare names from the
 * node_modules of its folder or a folder above, else of the working directory's project, else the packages
 * phoenix-notebook itself brings (d3, Plot, Arrow, …). A package none of them has is an error naming it and
 * the `npm install` that fixes it.
 */
export function nodeImporter(notebookPath: string): ImportModule {
  const directory = dirname(resolve(notebookPath));
  const requires = [
    resolve(directory, "notebook.js"),
    resolve(process.cwd(), "index.js"),
    import.meta.filename
  ].map((from) => createRequire(from));
  return async (specifier) => {
    if (isUrlSpecifier(specifier)) return (await import(specifier)) as Record<string, unknown>;
    if (isRelativeSpecifier(specifier))
      return (await import(pathToFileURL(resolve(directory, specifier)).href)) as Record<string, unknown>;
    const name = packageSpecifier(specifier);
    let path: string | undefined;
    for (const require of requires) if ((path = resolveWith(require, name)) !== undefined) break;
    if (path === undefined) throw new Error(notInstalled(specifier));
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  };
}

function resolveWith(require: NodeJS.Require, name: string): string | undefined {
  try {
    return require.resolve(name);
  } catch {
    return undefined;
  }
}
