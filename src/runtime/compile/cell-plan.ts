import {columnsBefore, type Cell, type CellId} from "../notebook/types.ts";
import type {VariableRole} from "./types.ts";
import {outputNameProblem} from "./output-name.ts";

// A cell compiled as plain data: what the parser and the code generator decide, with the definitions still
// source text. compileCells plans and realizes at once; `build` plans ahead and writes the plans into the page
// (compile/ahead.ts), which realizes them (realize.ts) without shipping the parser or acorn.

/** Where a variable's definition comes from once realized. */
export type DefinitionPlan =
  | "code" // the cell's generated definition (CellPlan.code)
  | "view-value" // `x` of `viewof x`: Generators.input(view)
  | "mutable-of" // `mutable x` of `mutable x`: new Mutable(initial)
  | "mutable-generator" // `x` of `mutable x`: the Mutable's generator
  | "fail" // throws the cell's syntax error
  | {readonly output: string}; // a JavaScript cell's output, read from its run

/** One runtime variable of a planned cell. */
export interface VariablePlan {
  readonly name: string | null;
  readonly inputs: readonly string[];
  readonly role: VariableRole;
  readonly definition: DefinitionPlan;
}

/** A syntax error found while planning, as the CellError it becomes. */
export interface PlannedError {
  readonly message: string;
  readonly cellName: string | null;
  /** 1-based line in the notebook file. */
  readonly line: number;
  readonly column?: number;
  /** The parser's error, kept when planned and realized in one go; never written into a page. */
  readonly cause?: unknown;
}

/** A script cell (not a data loader) compiled down to data. */
export interface CellPlan {
  readonly id: CellId;
  /** The cell's source and attributes as planned (cellKey): a page never realizes a plan for another source. */
  readonly key: string;
  /** The definition function's source, `(function(…) {…})`; absent when the cell does not parse. */
  readonly code?: string;
  readonly name: string | null;
  readonly defines: readonly string[];
  readonly variables: readonly VariablePlan[];
  readonly fileAttachments: readonly string[];
  readonly error?: PlannedError;
}

/** What makes two cells compile the same: mode, output, format and source (a loader's value changes with them). */
export function cellKey(cell: Cell): string {
  // The database too: `database="var:db"` makes a SQL cell read the cell `db`, another definition.
  return JSON.stringify([
    cell.mode,
    cell.output ?? null,
    cell.format ?? null,
    cell.database ?? null,
    cell.source
  ]);
}

/**
 * A Markdown, HTML, TeX or DOT cell's `output` attribute names what it renders, as in Notebook Kit: other
 * cells read the element by that name.
 */
export function templateOutput(cell: Cell): string | null {
  const template = cell.mode !== "js" && cell.mode !== "ts" && cell.mode !== "ojs";
  return template && cell.output !== undefined && outputNameProblem(cell.output) === undefined
    ? cell.output
    : null;
}

/**
 * A cell that does not compile still takes its place in the graph: a variable under its name (if the name can
 * be recovered) that rejects with the syntax error, so dependents say they wait on it instead of "not defined".
 */
export function failedPlan(cell: Cell, error: PlannedError): Omit<CellPlan, "code"> {
  const base = {id: cell.id, key: cellKey(cell), fileAttachments: [], error};
  const output = templateOutput(cell);
  const peeked = cell.mode === "ojs" ? peekName(cell.source) : output ? {prefix: null, name: output} : null;
  if (!peeked) {
    return {
      ...base,
      name: null,
      defines: [],
      variables: [{name: null, inputs: [], role: "main", definition: "fail"}]
    };
  }
  // Every name the cell would define fails with the error, so `viewof x`'s readers of `x` wait on it too.
  const {prefix, name} = peeked;
  const shown = prefix ? `${prefix} ${name}` : name;
  const defines =
    prefix === "viewof" ? [shown, name] : prefix === "mutable" ? [`initial ${name}`, shown, name] : [name];
  const variables = defines.map((n): VariablePlan => ({
    name: n,
    inputs: [],
    role: n === shown ? "main" : "hidden",
    definition: "fail"
  }));
  return {...base, name: shown, defines, variables};
}

/** A parser's (or `new Function`'s) error in `cell`, at its line and column in the notebook file. */
export function syntaxErrorOf(cell: Cell, error: unknown): PlannedError {
  const loc = (error as {loc?: {line: number; column: number}}).loc;
  // acorn appends "(line:column)" relative to the cell; the error carries the position in the file instead.
  const message = (error instanceof Error ? error.message : String(error)).replace(/ \(\d+:\d+\)$/, "");
  const peeked = cell.mode === "ojs" ? peekName(cell.source) : null;
  const named = peeked && (peeked.prefix ? `${peeked.prefix} ${peeked.name}` : peeked.name);
  return {
    message,
    cellName: named || templateOutput(cell),
    line: cell.line + (loc ? loc.line - 1 : 0),
    ...(loc ? {column: loc.column + 1 + columnsBefore(cell, loc.line)} : {}),
    cause: error
  };
}

// The name a cell that does not parse meant to define: `x = …`, `viewof x = …`, `mutable x = …` (but not
// `x => …` or `x == …`), so that its dependents wait on it rather than find it undefined.
function peekName(source: string): {prefix: "viewof" | "mutable" | null; name: string} | null {
  const match = /^\s*(?:(viewof|mutable)\s+)?([A-Za-z_$][\w$]*)\s*=(?![=>])/.exec(source);
  return match ? {prefix: (match[1] as "viewof" | "mutable" | undefined) ?? null, name: match[2]!} : null;
}
