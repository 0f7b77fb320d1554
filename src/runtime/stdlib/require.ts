import {packageSpecifier, type ImportModule} from "./import-module.ts";

/**
 * The libraries every notebook has, by the package names classic notebooks `require`: `require("d3@6")` gets
 * the d3 we bundle, whatever version is asked (never a CDN's).
 */
const BUNDLED: Readonly<Record<string, () => Promise<unknown>>> = {
  d3: () => import("d3"),
  "@observablehq/plot": () => import("@observablehq/plot"),
  "@observablehq/inputs": () => import("@observablehq/inputs"),
  "apache-arrow": () => import("apache-arrow"),
  htl: () => import("htl")
};

/** The package names every page and run has already (require them without bundling anything). */
export const BUNDLED_LIBRARIES: ReadonlySet<string> = new Set(Object.keys(BUNDLED));

/**
 * Observable's `require(name[@range][/path], …)`, resolved offline: a bundled library by its name, anything
 * else as the notebook's imports resolve (the runner: installed packages; a page: what its bundle holds).
 * Resolves to the module (its default export when that is all it has); several names merge into one object.
 */
export function createRequire(importModule: ImportModule) {
  const one = async (specifier: string): Promise<unknown> => {
    const name = packageSpecifier(specifier);
    const module = (await (BUNDLED[name]?.() ?? importModule(specifier))) as Record<string, unknown>;
    const keys = Object.keys(module);
    return keys.length === 1 && keys[0] === "default" ? module["default"] : module;
  };
  return async function require(...specifiers: string[]): Promise<unknown> {
    if (specifiers.length === 0) throw new TypeError("require() needs a package name");
    const modules = await Promise.all(specifiers.map(one));
    return modules.length === 1 ? modules[0] : Object.assign({}, ...modules);
  };
}
