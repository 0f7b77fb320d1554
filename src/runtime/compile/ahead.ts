import type {Notebook} from "../notebook/types.ts";
import type {CellPlan} from "./cell-plan.ts";
import {planCells} from "./compile-cell.ts";
import {pageGlobals} from "./globals.ts";
import {forPage} from "./typescript.ts";

/**
 * The cells of a notebook compiled ahead, for its built page: the plans of its script cells (TypeScript
 * already JavaScript, as forPage gives the page), planned for a browser's globals. The page realizes them
 * with precompiledCells, so it ships neither @observablehq/parser nor acorn.
 */
export function planNotebook(notebook: Notebook): CellPlan[] {
  return planCells(forPage(notebook).cells, pageGlobals()).filter((plan) => plan !== null);
}

/**
 * The ES module a built page imports its compiled cells from: `export default [plans…]`. A syntax error keeps
 * its message and line but not its cause (the parser's error object, which is the build's, not the page's).
 */
export function compiledCellsModule(notebook: Notebook): string {
  const json = JSON.stringify(planNotebook(notebook), (key, value: unknown) =>
    key === "cause" ? undefined : value
  );
  // JSON is a JavaScript expression, but for U+2028 and U+2029 in strings in older engines: escaped anyway.
  return `export default ${json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029")};\n`;
}
