import type {CodeLocation, Definition} from "./types.ts";

// `new Function(body)` puts `body` on line 3 of its source ("function anonymous(\n) {\n" comes first).
const FUNCTION_PREAMBLE_LINES = 2;
let batches = 0;

/**
 * Turns the sources of many definition functions into functions with ONE `new Function`: evaluating code costs
 * per call, so a notebook's cells are instantiated together. The script is named (sourceURL) so that each
 * function's stack frames can be mapped back to its cell (see `errorLine`). Throws a SyntaxError if any code
 * does not compile; callers then instantiate one by one to find which.
 */
export function instantiate(codes: readonly string[]): {
  definitions: Definition[];
  locations: CodeLocation[];
} {
  const url = `phoenix-cells-${++batches}.js`;
  const locations: CodeLocation[] = [];
  let line = FUNCTION_PREAMBLE_LINES + 2; // after the preamble and the `"use strict"; return [` line
  const parts = codes.map((code) => {
    const lines = countLines(code);
    locations.push({url, firstLine: line, lastLine: line + lines - 1});
    line += lines;
    return code;
  });
  // Strict, as cells are in Observable (modules): `this` is undefined on a cell's first run, not globalThis.
  const script = `"use strict"; return [\n${parts.join(",\n")}\n];\n//# sourceURL=${url}`;
  const definitions = new Function(script)() as Definition[];
  return {definitions, locations};
}

/**
 * The 1-based line in the notebook file of the innermost stack frame of `error` inside the cell's code, given
 * where the cell's source starts in the file now; undefined when no frame is the cell's.
 */
export function errorLine(location: CodeLocation, cellLine: number, error: unknown): number | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  const frame = new RegExp(`${location.url.replace(/\./g, "\\.")}:(\\d+):\\d+`, "g");
  for (const [, text] of stack.matchAll(frame)) {
    const line = Number(text);
    if (line >= location.firstLine && line <= location.lastLine) return cellLine + line - location.firstLine;
  }
  return undefined;
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) ++lines;
  return lines;
}
