import type {ExportTarget} from "./export-target.ts";
import {createPx} from "./px.ts";

/** The builtins Phoenix adds to a notebook: `px` (the cells) and `phx` (the views). */
export function phoenixBuiltins(exports: ExportTarget): Readonly<Record<string, unknown>> {
  return {
    px: createPx(exports),
    // Loaded on first use: lit must see the DOM when it defines the elements, and the headless runner installs
    // happy-dom only after these modules are imported; pages that use no view also skip the components' code.
    phx: () => import("./phx.ts").then((module) => module.phx)
  };
}
