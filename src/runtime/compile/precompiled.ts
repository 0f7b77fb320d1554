import {isLoaderCell} from "../loaders/loader-cell.ts";
import type {Cell} from "../notebook/types.ts";
import {cellKey, failedPlan, type CellPlan} from "./cell-plan.ts";
import {realizeCells} from "./realize.ts";
import type {CellCompiler} from "./types.ts";

/**
 * The compiler of a built page: the plans its build wrote (compile/ahead.ts), realized without the parser.
 * A cell is matched by id and by its source (cellKey), so a plan never stands in for another source; a cell
 * without one (its page changed after the build) fails with an error that says to build again.
 */
export function precompiledCells(plans: readonly CellPlan[]): CellCompiler {
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  const planOf = (cell: Cell): CellPlan | null => {
    if (isLoaderCell(cell)) return null; // no JavaScript: its value comes from the host
    const plan = byId.get(cell.id);
    if (plan && plan.key === cellKey(cell)) return plan;
    const message = "this cell was not compiled when the page was built: build the notebook again";
    return failedPlan(cell, {message, cellName: null, line: cell.line});
  };
  return (cells) => realizeCells(cells, cells.map(planOf));
}
