import {fileURLToPath} from "node:url";
import type {PageUse} from "./page-use.ts";

// How a layer tells a single-file build which of its modules a page loads only on its cells' demand. Light on
// purpose (the bindings' index re-exports their list, and every command imports that index).

/** A module a page loads only when its cells ask for it: a single file carries it only then. */
export interface LazyModule {
  /** The module's id (its path, maybe with a query), or the entry of a worker. */
  readonly module: RegExp;
  /** Whether a page of this use can load it. */
  readonly when: (use: PageUse) => boolean;
}

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
