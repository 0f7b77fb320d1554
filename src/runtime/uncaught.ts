import type {CompiledCell} from "./compile/types.ts";
import {errorStack, errorText} from "./error-text.ts";
import {redact} from "./secrets/redact.ts";

/** How an error escaped every cell's computation: thrown (by a timer's callback) or a rejection nobody handled. */
export type UncaughtKind = "error" | "rejection";

// A stack frame's place: `url:line:column`, the url being a cell batch's sourceURL or a module's.
const FRAME = /([^\s()]+):(\d+):\d+/g;

/**
 * What the runner (and the page) say of an error no cell's computation caught: `uncaught error from z
 * (line 14): …` for the cell whose code holds the innermost stack frame that is any cell's, else `uncaught
 * error outside any cell: …` (`unhandled rejection` for a promise). The notebook's `secrets`, and anything
 * shaped like a key, are taken out.
 */
export function describeUncaught(
  kind: UncaughtKind,
  error: unknown,
  cells: readonly CompiledCell[],
  secrets: readonly string[]
): string {
  const what = kind === "error" ? "uncaught error" : "unhandled rejection";
  const message = errorText(error, kind === "error" ? "threw" : "rejected with");
  const from = cellOf(error, cells);
  const where =
    from === undefined
      ? "outside any cell"
      : `from ${from.cell.name === null ? `line ${from.line}` : `${from.cell.name} (line ${from.line})`}`;
  return redact(`${what} ${where}: ${message}`, secrets);
}

// The cell, and the line in the notebook file, of the innermost frame of `error`'s stack in a cell's code.
function cellOf(
  error: unknown,
  cells: readonly CompiledCell[]
): {cell: CompiledCell; line: number} | undefined {
  const stack = errorStack(error);
  if (!stack) return undefined;
  for (const [, url, text] of stack.matchAll(FRAME)) {
    const line = Number(text);
    for (const cell of cells) {
      const at = cell.location;
      if (at && at.url === url && line >= at.firstLine && line <= at.lastLine)
        return {cell, line: cell.cell.line + line - at.firstLine};
    }
  }
  return undefined;
}
