import {fileURLToPath} from "node:url";
import type {PageUse} from "./page-use.ts";

// How a layer tells a single-file build which of its modules a page loads only on its cells' demand. Light on
// purpose (the bindings' index re-exports their list, and every command imports that index).

/**
 * What a page loads only when its cells ask for it, which a single file carries only then: a module (what an
 * import() of the page's entry loads, or a worker's entry), or a file wherever a chunk or worker names it (by
 * its name before the build hashed it: `words-50k.bin`), for a file only some of a module's functions read.
 */
export type LazyModule =
  | {
      /** The module's id (its path, maybe with a query), or the entry module of a worker. */
      readonly module: RegExp;
      /** Whether a page of this use can load it. */
      readonly when: (use: PageUse) => boolean;
    }
  | {
      /** The file's name as the source names it. */
      readonly file: RegExp;
      /** Whether a page of this use can load it. */
      readonly when: (use: PageUse) => boolean;
    };

/** A matcher for a module of this package given by its URL: as written (`.ts`), or compiled (`.js`, dist/). */
export function ownModule(url: URL): RegExp {
  const path = fileURLToPath(url)
    .replaceAll("\\", "/")
    .replace(/\.[cm]?[jt]s$/, "");
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped}\\.[cm]?[jt]s(?:\\?.*)?$`);
}

/** True when the cells read any of `names`. */
export const reads =
  (...names: readonly string[]) =>
  (use: PageUse): boolean =>
    names.some((name) => use.names.has(name));

/** True when the cells call any of `methods` (or attach a file of that extension). */
export const calls =
  (...methods: readonly string[]) =>
  (use: PageUse): boolean =>
    methods.some((method) => use.methods.has(method));
