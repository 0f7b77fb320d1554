import type {Cell} from "../notebook/types.ts";
import {failedPlan, syntaxErrorOf, type CellPlan} from "./cell-plan.ts";
import {countLines} from "./count-lines.ts";
import type {RealizablePlan} from "./realize.ts";
import type {CodeLocation, Definition} from "./types.ts";

// `new Function(body)` puts `body` on line 3 of its source ("function anonymous(\n) {\n" comes first).
const FUNCTION_PREAMBLE_LINES = 2;
let batches = 0;

/**
 * Turns the sources of many definition functions into functions with ONE `new Function`: evaluating code costs
 * per call, so a notebook's cells are instantiated together. The script is named (sourceURL) so that each
 * function's stack frames can be mapped back to its cell (see errorLine). Throws a SyntaxError if any code
 * does not compile; callers then instantiate one by one to find which.
 */
export function instantiate(codes: readonly string[]): {
  definitions: Definition[];
  locations: CodeLocation[];
} {
  const url = `phoenix-cells-${++batches}.js`;
  const locations: CodeLocation[] = [];
  let line = FUNCTION_PREAMBLE_LINES + 2; // after the preamble and the `"use strict"; return [` line
  for (const code of codes) {
    const lines = countLines(code);
    locations.push({url, firstLine: line, lastLine: line + lines - 1});
    line += lines;
  }
  // Strict, as cells are in Observable (modules): `this` is undefined on a cell's first run, not globalThis.
  const script = `"use strict"; return [\n${codes.join(",\n")}\n];\n//# sourceURL=${url}`;
  const definitions = new Function(script)() as Definition[];
  return {definitions, locations};
}

/**
 * Gives planned cells their definition functions, instantiating every cell's code at once (a dev server's page,
 * the runner; a built page imports its functions instead, see precompiled.ts). `plans[i]` is the plan of
 * `cells[i]`, null for a data loader cell.
 */
export function instantiatePlans(
  cells: readonly Cell[],
  plans: readonly (CellPlan | null)[]
): (RealizablePlan | null)[] {
  const codes = plans.flatMap((plan) => (plan?.code === undefined ? [] : [plan.code]));
  let all: ReturnType<typeof instantiate> | undefined;
  try {
    all = instantiate(codes);
  } catch {
    // Some generated code did not compile although it parsed (an edge the parser lets through): instantiate
    // one by one below, so that only the cells at fault fail.
  }
  let k = 0;
  return plans.map((plan, i) => {
    if (plan?.code === undefined) return plan && withoutCode(plan);
    const index = k++;
    try {
      const {definitions, locations} = all ?? instantiate([plan.code]);
      const at = all ? index : 0;
      return {...plan, code: {definition: definitions[at]!, location: locations[at]!}};
    } catch (error) {
      return failedPlan(cells[i]!, syntaxErrorOf(cells[i]!, error));
    }
  });
}

function withoutCode({code: _, ...plan}: CellPlan): Omit<CellPlan, "code"> {
  return plan;
}
