import {RuntimeError} from "@observablehq/runtime";
import {CellError} from "../cell-error.ts";
import {errorLine} from "../compile/error-line.ts";
import type {CompiledCell} from "../compile/types.ts";
import {errorText} from "../error-text.ts";

/** Turns whatever a cell's variable rejected with into a CellError that names the cell and the line. */
export function toCellError(
  compiled: CompiledCell,
  error: unknown,
  definers: (name: string) => readonly CompiledCell[]
): CellError {
  if (error instanceof CellError) return error;
  const {cell, name} = compiled;
  if (error instanceof RuntimeError) {
    const message = error.message;
    // An input's failure comes first: the runtime forwards the input's message, so a cell downstream of a
    // cycle or a duplicate would otherwise read as one itself.
    if (error.input !== undefined) {
      if (message === `${error.input} is not defined`) {
        return new CellError("undefined", message, name, cell.line, {cause: error, input: error.input});
      }
      const because = message ? `: ${message}` : "";
      return new CellError("input", `waits on ${error.input}, which failed${because}`, name, cell.line, {
        cause: error,
        input: error.input
      });
    }
    if (message === "circular definition") {
      return new CellError("circular", "circular definition: this cell depends on itself", name, cell.line, {
        cause: error
      });
    }
    const duplicate = /^(.*) is defined more than once$/.exec(message);
    if (duplicate) {
      const lines = definers(duplicate[1]!).map((c) => c.cell.line);
      return new CellError("duplicate", `${message} (lines ${lines.join(" and ")})`, name, cell.line, {
        cause: error
      });
    }
  }
  return new CellError(
    "runtime",
    errorText(error),
    name,
    (compiled.location && errorLine(compiled.location, cell.line, error)) ?? cell.line,
    {cause: error}
  );
}

/** Whether `error` only relays the failure of another variable of the same cell (reported there already). */
export function relaysOwnFailure(compiled: CompiledCell, error: unknown): boolean {
  return error instanceof RuntimeError && error.input !== undefined && compiled.defines.includes(error.input);
}
