// Node only (the runner): imports resolve as Node resolves them from the notebook's folder.
import {createRequire} from "node:module";
import {dirname, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {isRelativeSpecifier, packageSpecifier, type ImportModule} from "./import-module.ts";

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
    if (isRelativeSpecifier(specifier)) {
      const url = /^[a-z][a-z\d+.-]*:\/\//i.test(specifier)
        ? specifier
        : pathToFileURL(resolve(directory, specifier)).href;
      return (await import(url)) as Record<string, unknown>;
    }
    const name = packageSpecifier(specifier);
    const path = requires.map((require) => resolveWith(require, name)).find((found) => found !== undefined);
    if (path === undefined) {
      const pkg = /^(@[^/]+\/)?[^/]+/.exec(name)![0];
      throw new Error(`cannot import "${specifier}": ${pkg} is not installed (npm install ${pkg})`);
    }
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
