import {cellScoped} from "../runtime/define/cell-context.ts";
import type {ExportTarget} from "./export-target.ts";

type PxModule = typeof import("./px.ts");

/**
 * The builtins Phoenix adds to a notebook: `px` (the cells) and `phx` (the views). Both are loaded on first
 * use, so a notebook that uses neither loads neither the cells (Arrow, Parquet) nor the views (lit). `dom`
 * installs a DOM where there is none (headless; see PluginContext.dom).
 */
export function phoenixBuiltins(
  exports: ExportTarget,
  dom?: () => Promise<unknown>
): Readonly<Record<string, unknown>> {
  return {
    px: cellScoped(
      (context, module: PxModule) => module.createPx(exports).cellScoped(context),
      () => import("./px.ts")
    ),
    // lit must see the DOM when it defines the elements.
    phx: async () => {
      await dom?.();
      return (await import("./phx.ts")).phx;
    }
  };
}
