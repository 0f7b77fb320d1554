import {parse} from "acorn";
import type {Notebook} from "../notebook/types.ts";
import type {BuiltPlan} from "./built-cells.ts";
import {failedPlan, syntaxErrorOf, type CellPlan} from "./cell-plan.ts";
import {planCells} from "./compile-cell.ts";
import {countLines} from "./count-lines.ts";
import {pageGlobals} from "./globals.ts";
import {forPage} from "./typescript.ts";

/**
 * The cells of a notebook compiled ahead, for its built page: the plans of its script cells (TypeScript
 * already JavaScript, as forPage gives the page), planned for a browser's globals.
 */
export function planNotebook(notebook: Notebook): CellPlan[] {
  const cells = forPage(notebook).cells;
  return planCells(cells, pageGlobals()).flatMap((plan, i) => (plan ? [inModule(plan, cells[i]!)] : []));
}

// The module's first lines, before the first definition (see compiledCellsModule).
const HEADER = [
  "// The compiled cells of a notebook, written by `phoenix-notebook build`: each definition is a function, so",
  "// the page evaluates no code; `lines` is where each one is, to map a stack frame back to the notebook.",
  "export const definitions = ["
];

/**
 * The ES module a built page imports its compiled cells from (see BuiltCells): the definitions as functions,
 * line for line as planned (line k of a cell's code is line k of the cell), the build-time line table, and
 * the plans as JSON. A syntax error keeps its message and line but not its cause (the parser's error object,
 * which is the build's, not the page's). Written as is, never minified, so that the line table holds.
 */
export function compiledCellsModule(notebook: Notebook): string {
  const definitions: string[] = [];
  const lines: [number, number][] = [];
  let line = HEADER.length + 1;
  const plans = planNotebook(notebook).map(({code, ...plan}): BuiltPlan => {
    if (code === undefined) return plan;
    const last = line + countLines(code) - 1;
    lines.push([line, last]);
    line = last + 1;
    return {...plan, code: definitions.push(code) - 1};
  });
  const json = JSON.stringify(plans, (key, value: unknown) => (key === "cause" ? undefined : value));
  return [
    ...HEADER,
    definitions.join(",\n"),
    "];",
    `export const lines = ${JSON.stringify(lines)};`,
    // A string JSON.parse reads, which engines load faster than the same object literal (half the time here);
    // U+2028 and U+2029 are escaped for engines older than ES2019, where they end a string literal.
    `export const plans = JSON.parse(${JSON.stringify(json)
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029")});`,
    "export const url = import.meta.url;",
    ""
  ].join("\n");
}

// The parser accepted the cell, but its code goes into a module (strict, where `await` is reserved even
// outside async functions): one that does not compile there would fail the whole page's module, so it
// becomes its cell's syntax error now, at its line.
function inModule(plan: CellPlan, cell: Notebook["cells"][number]): CellPlan {
  if (plan.code === undefined) return plan;
  try {
    parse(`(${plan.code});`, {ecmaVersion: "latest", sourceType: "module"});
    return plan;
  } catch (error) {
    return {...failedPlan(cell, syntaxErrorOf(cell, error)), key: plan.key};
  }
}
