import type {Notebook} from "../notebook/types.ts";
import {readModuleCell} from "./module-cell.ts";

/**
 * Every module specifier the notebook's JavaScript cells import (declarations and `import("literal")`), in
 * order of first appearance: what a page's bundle must hold. A cell that does not parse imports nothing (it
 * shows its syntax error when it runs).
 */
export function notebookImports(notebook: Notebook): string[] {
  const specifiers = new Set<string>();
  for (const cell of notebook.cells) {
    if (cell.mode !== "js") continue;
    try {
      for (const specifier of readModuleCell(cell.source).imports) specifiers.add(specifier);
    } catch {
      // a syntax error: the cell says so when it runs
    }
  }
  return [...specifiers];
}
