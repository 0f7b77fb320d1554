import {CellError} from "../cell-error.ts";
import {isLoaderCell} from "../loaders/loader-cell.ts";
import type {Cell} from "../notebook/types.ts";
import {failedPlan, type CellPlan, type DefinitionPlan, type PlannedError} from "./cell-plan.ts";
import {compileLoaderCell} from "./loader-cell.ts";
import type {ModuleResult} from "./module-result.ts";
import type {CodeLocation, CompiledCell, Definition, VariableSpec} from "./types.ts";

/** A cell's definition as a function, and where its code is (for errorLine). */
export interface RealizedCode {
  readonly definition: Definition;
  readonly location: CodeLocation;
}

/** A plan whose definition is a function now: instantiated from its code (instantiate.ts). */
export interface RealizablePlan extends Omit<CellPlan, "code"> {
  /** Absent when the cell did not compile. */
  readonly code?: RealizedCode | undefined;
}

/**
 * Turns plans into runtime variable definitions, their code being a function `codeOf` gives (undefined for a
 * cell that did not compile). `plans[i]` is the plan of `cells[i]`, null for a data loader cell (its value
 * comes from the host, see loader-cell.ts). Needs no parser and evaluates no code: a built page realizes the
 * functions its build wrote.
 */
export function realizePlans<P extends Omit<CellPlan, "code">>(
  cells: readonly Cell[],
  plans: readonly (P | null)[],
  codeOf: (plan: P) => RealizedCode | undefined
): CompiledCell[] {
  return cells.map((cell, i) => {
    const plan = plans[i];
    if (!plan) {
      if (isLoaderCell(cell)) return compileLoaderCell(cell);
      return realizeFailed(
        cell,
        failedPlan(cell, {message: "this cell was not compiled", cellName: null, line: cell.line})
      );
    }
    const code = codeOf(plan);
    return code === undefined ? realizeFailed(cell, plan) : realize(cell, plan, code);
  });
}

function realize(
  cell: Cell,
  plan: Omit<CellPlan, "code">,
  {definition, location}: RealizedCode
): CompiledCell {
  const variables = plan.variables.map((variable): VariableSpec => ({
    name: variable.name,
    inputs: variable.inputs,
    role: variable.role,
    definition: definitionOf(variable.definition, definition)
  }));
  const {name, defines, fileAttachments} = plan;
  return {cell, location, name, defines, variables, fileAttachments};
}

function realizeFailed(cell: Cell, plan: Omit<CellPlan, "code">): CompiledCell {
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
