import {planNotebook} from "../../compile/ahead.ts";
import {libraryMembers} from "../../compile/library-members.ts";
import {DATA_LOADER_BUILTIN, isLoaderCell, loaderSpec} from "../../loaders/loader-cell.ts";
import type {Notebook} from "../../notebook/types.ts";

/** What a page's cells can reach, read from their compiled plans: what decides which lazy modules it carries. */
export interface PageUse {
  /** Every name a cell reads (its variables' inputs): builtins such as `Plot` or `px`, and other cells. */
  readonly names: ReadonlySet<string>;
  /**
   * Names of methods the cells call (`.csv(` in their code), and the extensions of the files they attach
   * (`parquet` for `x.parquet`), which a library a cell hands the file to may read it by.
   */
  readonly methods: ReadonlySet<string>;
  /** Whether the page carries baked values (it loads their codecs when it starts). */
  readonly baked: boolean;
  /** The libraries (`Plot`, `d3`) a cell uses other than by member: the page loads the whole package. */
  readonly whole: ReadonlySet<string>;
}

const CALLED = /\.\s*([A-Za-z_$][\w$]*)\s*\(/g;

/**
 * The use of a notebook's page, read from its cells compiled as the build compiles them (compile/ahead.ts):
 * a data loader cell adds the builtin that reads its output and its output's format (`csv`, `parquet`…).
 */
export function pageUse(notebook: Notebook, baked: boolean): PageUse {
  const names = new Set<string>();
  const methods = new Set<string>();
  const plans = planNotebook(notebook);
  for (const plan of plans) {
    for (const variable of plan.variables) for (const input of variable.inputs) names.add(input);
    for (const [, method] of (plan.code ?? "").matchAll(CALLED)) methods.add(method!);
    for (const file of plan.fileAttachments) {
      const extension = /\.(\w+)$/.exec(file)?.[1];
      if (extension) methods.add(extension.toLowerCase());
    }
  }
  for (const cell of notebook.cells)
    if (isLoaderCell(cell)) {
      names.add(DATA_LOADER_BUILTIN);
      // A cell with a bad format fails in the page before it reads anything.
      const format = (() => {
        try {
          return loaderSpec(cell).format;
        } catch {
          return undefined;
        }
      })();
      if (format) methods.add(format);
    }
  const whole = Object.entries(libraryMembers(plans))
    .filter(([, use]) => use.kind === "full")
    .map(([library]) => library);
  return {names, methods, baked, whole: new Set(whole)};
}
