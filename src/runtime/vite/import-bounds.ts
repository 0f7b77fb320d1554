import {isAbsolute, relative, sep} from "node:path";
import {moduleRefusal} from "../stdlib/module-bounds.ts";
import {isInside} from "./is-inside.ts";
import {packageServedDirs} from "./paths.ts";

/**
 * The bounds of what a notebook's code may bring into its page: the modules of the notebooks' folder `root`
 * (a real path: symbolic links resolved) and the packages they import. A module the graph reaches through a
 * relative or absolute specifier must really lie inside `root` and have no dot segment (`.env`, `.git/config`)
 * under it: what a page bundles, the site publishes.
 */
export class ImportBounds {
  constructor(readonly root: string) {}

  /**
   * Whether `importer` (a module id) is the notebooks' own code, whose imports are checked: a module of `root`,
   * not of a package in it (node_modules) nor of phoenix-notebook itself (when `root` holds the package). A
   * page (`.html`) is not: its shell imports only the client, and Vite names `root/index.html` the importer
   * of what has none (a URL the browser asks for, which the dev server checks itself; a dependency scan).
   */
  checks(importer: string): boolean {
    const file = fileOf(importer);
    // A module's id is already its real path (the bundler resolves symbolic links): no call to the disk here,
    // where every module of the page's graph passes.
    if (file === undefined || file.endsWith(".html") || !isInside(this.root, file)) return false;
    return (
      !relative(this.root, file).split(sep).includes("node_modules") &&
      !packageServedDirs.some((dir) => isInside(dir, file))
    );
  }

  /**
   * Why `specifier`, imported by one of the notebooks' modules and resolved to the module `id`, may not be
   * bundled with the page; undefined when it may (see moduleRefusal).
   */
  refusal(specifier: string, id: string): string | undefined {
    return moduleRefusal(this.root, specifier, fileOf(id));
  }

  /** Where `id` lies, relative to `root`, for a message (its path as it is when outside). */
  name(id: string): string {
    const file = fileOf(id) ?? id;
    return isInside(this.root, file) ? relative(this.root, file).split(sep).join("/") : file;
  }
}

/** The file of a module id (its query, `?raw`, `?url`, cut), or undefined for a virtual module. */
export function fileOf(id: string): string | undefined {
  if (id.startsWith("\0")) return undefined;
  const file = id.replace(/[?#].*$/s, "");
  return isAbsolute(file) ? file : undefined;
}
