import {isLoaderCell} from "../loaders/loader-cell.ts";
import type {Cell} from "../notebook/types.ts";
import type {BuiltCells, BuiltPlan} from "./built-cells.ts";
import {cellKey, failedPlan} from "./cell-plan.ts";
import {realizePlans, type RealizedCode} from "./realize.ts";
import type {CellCompiler} from "./types.ts";

/**
 * The compiler of a built page: the cells its build compiled (compile/ahead.ts), realized without the parser
 * and without evaluating code. A cell is matched by id and by its source (cellKey), so a plan never stands in
 * for another source; a cell without one (its page changed after the build) fails with an error that says to
 * build again.
 */
export function precompiledCells({url, definitions, lines, plans}: BuiltCells): CellCompiler {
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  const planOf = (cell: Cell): BuiltPlan | null => {
    if (isLoaderCell(cell)) return null; // no JavaScript: its value comes from the host
    const plan = byId.get(cell.id);
    if (plan && plan.key === cellKey(cell)) return plan;
    const message = "this cell was not compiled when the page was built: build the notebook again";
    return failedPlan(cell, {message, cellName: null, line: cell.line});
  };
  const codeOf = ({code}: BuiltPlan): RealizedCode | undefined => {
    if (code === undefined) return undefined;
    const [firstLine, lastLine] = lines[code]!;
    return {definition: definitions[code]!, location: {url, firstLine, lastLine}};
  };
  return (cells) => realizePlans(cells, cells.map(planOf), codeOf);
}
