import {packageSpecifier, type ImportModule} from "./import-module.ts";

/**
 * The libraries every notebook has, by the package names classic notebooks `require`: `require("d3@6")` gets
 * the d3 we bundle, whatever version is asked (never a CDN's). createBuiltins loads them.
 */
export const BUNDLED_LIBRARIES = [
  "d3",
  "@observablehq/plot",
  "@observablehq/inputs",
  "apache-arrow",
  "htl"
] as const;

export type BundledLibrary = (typeof BUNDLED_LIBRARIES)[number];

const isBundled = (name: string): name is BundledLibrary =>
  (BUNDLED_LIBRARIES as readonly string[]).includes(name);

/**
 * Observable's `require(name[@range][/path], …)`, resolved offline: a bundled library by its name (loaded by
 * `libraries`, as its builtin is), anything else as the notebook's imports resolve (the runner: installed
 * packages; a page: what its bundle holds). Resolves to the module (its default export when that is all it
 * has); several names merge into one object.
 */
export function createRequire(
  importModule: ImportModule,
  libraries: Readonly<Record<BundledLibrary, () => Promise<Record<string, unknown>>>>
) {
  const one = async (specifier: string): Promise<unknown> => {
    const name = packageSpecifier(specifier);
    const module = await (isBundled(name) ? libraries[name]() : importModule(specifier));
    const keys = Object.keys(module);
    return keys.length === 1 && keys[0] === "default" ? module["default"] : module;
  };
  return async function require(...specifiers: string[]): Promise<unknown> {
    if (specifiers.length === 0) throw new TypeError("require() needs a package name");
    const modules = await Promise.all(specifiers.map(one));
    return modules.length === 1 ? modules[0] : Object.assign({}, ...modules);
  };
}
