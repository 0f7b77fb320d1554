import type {Notebook} from "../notebook/types.ts";
import {packageSpecifier} from "../stdlib/import-module.ts";
import {BUNDLED_LIBRARIES} from "../stdlib/require.ts";
import {readModuleCell} from "./module-cell.ts";
import {stripTypes} from "./typescript.ts";

/**
 * Every module specifier the notebook's JavaScript cells import (declarations and `import("literal")`), in
 * order of first appearance: what a page's bundle must hold. A cell that does not parse imports nothing (it
 * shows its syntax error when it runs).
 */
export function notebookImports(notebook: Notebook): string[] {
  const specifiers = new Set<string>();
  for (const cell of notebook.cells) {
    // A classic cell's `require("name@range")` with a literal name is bundled too (d3, Plot, Arrow, htl and
    // Inputs need not be: every page has them).
    if (cell.mode === "ojs") {
      for (const [, , name] of cell.source.matchAll(/\brequire\(\s*(["'])([^"'\n]+)\1/g))
        if (!(BUNDLED_LIBRARIES as readonly string[]).includes(packageSpecifier(name!)))
          specifiers.add(name!);
      // An import cell (`import {format} from "npm:d3-format"`) and `import("literal")`, as a JavaScript cell's.
      for (const [, , name] of cell.source.matchAll(/\bimport\(\s*(["'])([^"'\n]+)\1/g))
        specifiers.add(name!);
      if (/^\s*import\b(?!\s*\()/.test(cell.source))
        try {
          for (const specifier of readModuleCell(cell.source).imports) specifiers.add(specifier);
        } catch {
          // Observable's `import … with …`: the cell says why when it runs
        }
    }
    if (cell.mode !== "js" && cell.mode !== "ts") continue;
    try {
      const source = cell.mode === "ts" ? stripTypes(cell.source) : cell.source;
      for (const specifier of readModuleCell(source).imports) specifiers.add(specifier);
    } catch {
      // a syntax error: the cell says so when it runs
    }
  }
  return [...specifiers];
}
