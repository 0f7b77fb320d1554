import type {CellError} from "../cell-error.ts";
import type {Cell} from "../notebook/types.ts";

/** A cell's definition function, called with its inputs' values and the variable's previous value as `this`. */
export type Definition = (this: unknown, ...inputs: unknown[]) => unknown;

/** What a variable is for within its cell. */
export type VariableRole =
  | "main" // the value shown in the cell's place (for `viewof x`, the view)
  | "view-value" // for `viewof x`: the variable `x`, the view's current value
  | "hidden" // plumbing (`initial x`, `mutable x`) never shown on its own
  | "output"; // a JavaScript cell's output, read from the cell's run (settable, like a named cell)

/** Where a cell's definition is in the generated script: its sourceURL and its lines there. */
export interface CodeLocation {
  readonly url: string;
  readonly firstLine: number;
  readonly lastLine: number;
}

/** One variable of the runtime, ready for `variable.define(name, inputs, definition)`. */
export interface VariableSpec {
  readonly name: string | null;
  readonly inputs: readonly string[];
  readonly definition: Definition;
  readonly role: VariableRole;
}

/** A cell turned into runtime variables; a cell that does not compile carries its error instead. */
export interface CompiledCell {
  /** The cell as it is in the notebook now (a kept cell follows the file as lines move around it). */
  readonly cell: Cell;
  /** Where the cell's generated code is, to map stack frames back to its lines; absent when it did not parse. */
  readonly location?: CodeLocation;
  /**
   * The name shown for the cell: `x`, `viewof x`, `mutable x`, the outputs of a JavaScript cell (`a, b`), or
   * null for an anonymous cell.
   */
  readonly name: string | null;
  /** The names this cell defines in the notebook's scope (for `viewof x`: `viewof x` and `x`). */
  readonly defines: readonly string[];
  readonly variables: readonly VariableSpec[];
  /** Literal names passed to `FileAttachment(…)`, for copying data files into a static build. */
  readonly fileAttachments: readonly string[];
  /** The syntax error, when the cell does not parse (its single variable then throws it). */
  readonly error?: CellError;
}

/** Compiles cells into runtime variables, one CompiledCell per cell in order; never throws. */
export type CellCompiler = (cells: readonly Cell[]) => CompiledCell[];
