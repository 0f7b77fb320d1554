import {parseCell, type Cell as ParsedCell, type ParseError} from "@observablehq/parser";
import {CellError} from "../cell-error.ts";
import type {Cell} from "../notebook/types.ts";
import {createDefinition} from "./definition.ts";
import type {CompiledCell, Definition, VariableSpec} from "./types.ts";

/** Turns one notebook cell into the runtime variables that compute it. Never throws: errors become the cell's. */
export function compileCell(cell: Cell): CompiledCell {
  let parsed: ParsedCell;
  try {
    parsed =
      cell.mode === "ojs" ? parseCell(cell.source) : parseCell(cell.source, {tag: cell.mode, raw: true});
  } catch (error) {
    return failed(cell, syntaxError(cell, error));
  }
  const fileAttachments = [...parsed.fileAttachments.keys()];
  let definition: Definition;
  let inputs: string[];
  try {
    ({definition, inputs} = createDefinition(cell, parsed));
  } catch (error) {
    return failed(cell, syntaxError(cell, error));
  }
  const id = parsed.id;
  if (id === null) {
    return {
      cell,
      compiledFrom: cell,
      name: null,
      defines: [],
      variables: [{name: null, inputs, definition, role: "main"}],
      fileAttachments
    };
  }
  if (id.type === "ViewExpression") {
    const name = id.id.name;
    const view = `viewof ${name}`;
    const variables: VariableSpec[] = [
      {name: view, inputs, definition, role: "main"},
      {name, inputs: ["Generators", view], definition: viewValue, role: "view-value"}
    ];
    return {cell, compiledFrom: cell, name: view, defines: [view, name], variables, fileAttachments};
  }
  if (id.type === "MutableExpression") {
    const name = id.id.name;
    const [initial, mutable] = [`initial ${name}`, `mutable ${name}`];
    const variables: VariableSpec[] = [
      {name: initial, inputs, definition, role: "hidden"},
      {name: mutable, inputs: ["Mutable", initial], definition: mutableOf, role: "hidden"},
      {name, inputs: [mutable], definition: mutableGenerator, role: "main"}
    ];
    return {
      cell,
      compiledFrom: cell,
      name: mutable,
      defines: [initial, mutable, name],
      variables,
      fileAttachments
    };
  }
  const variables: VariableSpec[] = [{name: id.name, inputs, definition, role: "main"}];
  return {cell, compiledFrom: cell, name: id.name, defines: [id.name], variables, fileAttachments};
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

// A cell that does not compile still takes its place in the graph: a variable under its name (if the name can
// be recovered) that rejects with the syntax error, so dependents say they wait on it instead of "not defined".
function failed(cell: Cell, error: CellError): CompiledCell {
  const name = cell.mode === "ojs" ? peekName(cell.source) : null;
  const definition: Definition = () => {
    throw error;
  };
  return {
    cell,
    compiledFrom: cell,
    name,
    defines: name ? [name] : [],
    variables: [{name, inputs: [], definition, role: "main"}],
    fileAttachments: [],
    error
  };
}

function peekName(source: string): string | null {
  return /^\s*([A-Za-z_$][\w$]*)\s*=[^=]/.exec(source)?.[1] ?? null;
}

function syntaxError(cell: Cell, error: unknown): CellError {
  const loc = (error as Partial<ParseError>).loc;
  // acorn appends "(line:column)" relative to the cell; the CellError carries the position in the file instead.
  const message = (error instanceof Error ? error.message : String(error)).replace(/ \(\d+:\d+\)$/, "");
  const line = cell.line + (loc ? loc.line - 1 : 0);
  const column = loc ? loc.column + 1 : undefined;
  return new CellError("syntax", message, cell.mode === "ojs" ? peekName(cell.source) : null, line, {
    cause: error,
    column
  });
}
