import {CellError} from "../cell-error.ts";
import {isLoaderCell} from "../loaders/loader-cell.ts";
import type {Cell} from "../notebook/types.ts";
import {
  failedPlan,
  syntaxErrorOf,
  type CellPlan,
  type DefinitionPlan,
  type PlannedError
} from "./cell-plan.ts";
import {instantiate} from "./instantiate.ts";
import {compileLoaderCell} from "./loader-cell.ts";
import type {ModuleResult} from "./module-result.ts";
import type {CodeLocation, CompiledCell, Definition, VariableSpec} from "./types.ts";

/**
 * Turns planned cells into runtime variable definitions: every cell's code is instantiated at once (one
 * `new Function`, which costs far less than one per cell, and names the script so that stack frames map back
 * to the cells' lines). `plans[i]` is the plan of `cells[i]`, null for a data loader cell (its value comes
 * from the host, see loader-cell.ts). Needs no parser: a built page realizes the plans its build wrote.
 */
export function realizeCells(cells: readonly Cell[], plans: readonly (CellPlan | null)[]): CompiledCell[] {
  const codes = plans.flatMap((plan) => (plan?.code === undefined ? [] : [plan.code]));
  let instantiated: ReturnType<typeof instantiate> | undefined;
  try {
    instantiated = instantiate(codes);
  } catch {
    // Some generated code did not compile although it parsed (an edge the parser lets through): instantiate
    // one by one below, so that only the cells at fault fail.
  }
  let k = 0;
  return cells.map((cell, i) => {
    const plan = plans[i];
    if (!plan) {
      if (isLoaderCell(cell)) return compileLoaderCell(cell);
      return realizeFailed(
        cell,
        failedPlan(cell, {message: "this cell was not compiled", cellName: null, line: cell.line})
      );
    }
    if (plan.code === undefined) return realizeFailed(cell, plan);
    const index = k++;
    try {
      const {definitions, locations} = instantiated ?? instantiate([plan.code]);
      const at = instantiated ? index : 0;
      return realize(cell, plan, definitions[at]!, locations[at]!);
    } catch (error) {
      return realizeFailed(cell, failedPlan(cell, syntaxErrorOf(cell, error)));
    }
  });
}

function realize(cell: Cell, plan: CellPlan, code: Definition, location: CodeLocation): CompiledCell {
  const variables = plan.variables.map(({name, inputs, role, definition}): VariableSpec => ({
    name,
    inputs,
    role,
    definition: definitionOf(definition, code)
  }));
  const {name, defines, fileAttachments} = plan;
  return {cell, location, name, defines, variables, fileAttachments};
}

function realizeFailed(cell: Cell, plan: CellPlan): CompiledCell {
  const error = cellErrorOf(
    plan.error ?? {message: "this cell did not compile", cellName: plan.name, line: cell.line}
  );
  const definition: Definition = () => {
    throw error;
  };
  const variables = plan.variables.map(({name, inputs, role}): VariableSpec => ({
    name,
    inputs,
    role,
    definition
  }));
  return {cell, name: plan.name, defines: plan.defines, variables, fileAttachments: [], error};
}

function cellErrorOf({message, cellName, line, column, cause}: PlannedError): CellError {
  return new CellError("syntax", message, cellName, line, {column, ...(cause === undefined ? {} : {cause})});
}

function definitionOf(plan: DefinitionPlan, code: Definition): Definition {
  switch (plan) {
    case "code":
      return code;
    case "view-value":
      return viewValue;
    case "mutable-of":
      return mutableOf;
    case "mutable-generator":
      return mutableGenerator;
    case "fail":
      throw new Error("a cell that compiled has no failing variable");
    default:
      return outputOf(plan.output);
  }
}

function outputOf(name: string): Definition {
  return function (this: unknown, result: unknown) {
    return (result as ModuleResult).outputs[name];
  };
}

function viewValue(this: unknown, Generators: unknown, view: unknown): unknown {
  return (Generators as {input(element: unknown): unknown}).input(view);
}

function mutableOf(this: unknown, Mutable: unknown, initial: unknown): unknown {
  return new (Mutable as new (value: unknown) => unknown)(initial);
}

function mutableGenerator(this: unknown, mutable: unknown): unknown {
  return (mutable as {generator: unknown}).generator;
}
