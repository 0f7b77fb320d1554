import {parseCell, type Cell as ParsedCell, type ParseError} from "@observablehq/parser";
import {CellError} from "../cell-error.ts";
import type {Cell} from "../notebook/types.ts";
import {definitionSource} from "./definition.ts";
import {presentGlobals} from "./globals.ts";
import {instantiate} from "./instantiate.ts";
import {compileLoaderCell} from "./loader-cell.ts";
import {isLoaderCell} from "../loaders/loader-cell.ts";
import {stripTypes} from "./typescript.ts";
import {sqlDatabase} from "./sql-database.ts";
import {sqlFileNames} from "../sql/sql-files.ts";
import {
  moduleDefinitionCode,
  readModuleCell,
  type ModuleCellSource,
  type ModuleResult
} from "./module-cell.ts";
import type {CodeLocation, CompiledCell, Definition, VariableSpec} from "./types.ts";

/** Turns one notebook cell into the runtime variables that compute it. Never throws: errors become the cell's. */
export function compileCell(cell: Cell): CompiledCell {
  return compileCells([cell])[0]!;
}

/**
 * Compiles cells together: each is parsed on its own (a syntax error stays in its cell), then all their
 * definitions are instantiated at once, which costs far less than one `new Function` per cell.
 */
export function compileCells(cells: readonly Cell[]): CompiledCell[] {
  // Data loaders have no JavaScript to compile: their value comes from the host (see loader-cell.ts).
  const scripts = compileScripts(cells.filter((cell) => !isLoaderCell(cell)));
  let k = 0;
  return cells.map((cell) => (isLoaderCell(cell) ? compileLoaderCell(cell) : scripts[k++]!));
}

function compileScripts(cells: readonly Cell[]): CompiledCell[] {
  const globals = presentGlobals();
  const parsed = cells.map((cell) => parse(cell, globals));
  const sources = parsed.map((p, i) =>
    p instanceof CellError ? null : "module" in p ? moduleSource(p) : definitionSource(cells[i]!, p)
  );
  const codes = sources.flatMap((source) => (source ? [source.code] : []));
  let instantiated: ReturnType<typeof instantiate> | undefined;
  try {
    instantiated = instantiate(codes);
  } catch {
    // Some generated code did not compile although it parsed (an edge the parser lets through): instantiate
    // one by one below, so that only the cells at fault fail.
  }
  let k = 0;
  return cells.map((cell, i) => {
    const p = parsed[i]!;
    const source = sources[i];
    if (p instanceof CellError || !source) return failed(cell, p as CellError);
    const index = k++;
    try {
      const {definitions, locations} = instantiated ?? instantiate([source.code]);
      const at = instantiated ? index : 0;
      if ("module" in p) return assembleModule(cell, p, source.inputs, definitions[at]!, locations[at]!);
      return assemble(cell, p, source.inputs, definitions[at]!, locations[at]!);
    } catch (error) {
      return failed(cell, syntaxError(cell, error));
    }
  });
}

/** A JavaScript cell, read as a module, and its body parsed as a block (for its free names). */
interface ParsedModule {
  readonly module: ModuleCellSource;
  readonly block: ParsedCell;
}

function parse(cell: Cell, globals: Set<string>): ParsedCell | ParsedModule | CellError {
  try {
    if (cell.mode === "js" || cell.mode === "ts") {
      const module = readModuleCell(cell.mode === "ts" ? stripTypes(cell.source) : cell.source);
      return {module, block: parseCell(`{${module.body}\n}`, {globals})};
    }
    if (cell.mode === "ojs") return parseCell(cell.source, {globals});
    if (cell.mode === "sql") sqlDatabase(cell); // an unknown database is the cell's syntax error
    if (cell.output !== undefined && !IDENTIFIER.test(cell.output))
      throw new SyntaxError(`invalid output name: ${JSON.stringify(cell.output)} (expected an identifier)`);
    return parseCell(cell.source, {tag: cell.mode, raw: true, globals});
  } catch (error) {
    return syntaxError(cell, error);
  }
}

// A JavaScript cell's free names are its inputs, each passed as the parameter of the same name.
function moduleSource({module, block}: ParsedModule): {code: string; inputs: string[]} {
  const inputs = [...new Set(block.references.flatMap((r) => (r.type === "Identifier" ? [r.name] : [])))];
  return {code: moduleDefinitionCode(module, inputs), inputs};
}

/**
 * A JavaScript cell's variables: one that runs the cell (shown in its place: its expression's value, else only
 * what it displays), and one per output, reading it from that run. The run's name is no identifier, so no
 * other cell can name it.
 */
function assembleModule(
  cell: Cell,
  {module, block}: ParsedModule,
  inputs: string[],
  definition: Definition,
  location: CodeLocation
): CompiledCell {
  const run = `module ${cell.id}`;
  const variables: VariableSpec[] = [
    {name: run, inputs, definition, role: "main"},
    ...module.outputs.map((name): VariableSpec => ({
      name,
      inputs: [run],
      definition: outputOf(name),
      role: "output"
    }))
  ];
  return {
    cell,
    location,
    name: module.outputs.length ? module.outputs.join(", ") : null,
    defines: [run, ...module.outputs],
    variables,
    fileAttachments: [...block.fileAttachments.keys()]
  };
}

function outputOf(name: string): Definition {
  return function (this: unknown, result: unknown) {
    return (result as ModuleResult).outputs[name];
  };
}

function assemble(
  cell: Cell,
  parsed: ParsedCell,
  inputs: string[],
  definition: Definition,
  location: CodeLocation
): CompiledCell {
  const fileAttachments = [...parsed.fileAttachments.keys()];
  // A SQL cell's files are those its text names (`FROM "data/penguins.csv"`): the build copies them too.
  if (cell.mode === "sql") fileAttachments.push(...sqlFileNames(cell.source));
  const base = {cell, location, fileAttachments};
  const id = parsed.id;
  if (id === null) {
    const name = templateOutput(cell);
    if (name) return {...base, name, defines: [name], variables: [{name, inputs, definition, role: "main"}]};
    return {...base, name: null, defines: [], variables: [{name: null, inputs, definition, role: "main"}]};
  }
  if (id.type === "ViewExpression") {
    const name = id.id.name;
    const view = `viewof ${name}`;
    const variables: VariableSpec[] = [
      {name: view, inputs, definition, role: "main"},
      {name, inputs: ["Generators", view], definition: viewValue, role: "view-value"}
    ];
    return {...base, name: view, defines: [view, name], variables};
  }
  if (id.type === "MutableExpression") {
    const name = id.id.name;
    const [initial, mutable] = [`initial ${name}`, `mutable ${name}`];
    const variables: VariableSpec[] = [
      {name: initial, inputs, definition, role: "hidden"},
      {name: mutable, inputs: ["Mutable", initial], definition: mutableOf, role: "hidden"},
      {name, inputs: [mutable], definition: mutableGenerator, role: "main"}
    ];
    return {...base, name: mutable, defines: [initial, mutable, name], variables};
  }
  const variables: VariableSpec[] = [{name: id.name, inputs, definition, role: "main"}];
  return {...base, name: id.name, defines: [id.name], variables};
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// A Markdown, HTML, TeX or DOT cell's `output` attribute names what it renders, as in Notebook Kit: other
// cells read the element by that name.
function templateOutput(cell: Cell): string | null {
  const template = cell.mode !== "js" && cell.mode !== "ts" && cell.mode !== "ojs";
  return template && cell.output !== undefined && IDENTIFIER.test(cell.output) ? cell.output : null;
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
  const output = templateOutput(cell);
  const peeked = cell.mode === "ojs" ? peekName(cell.source) : output ? {prefix: null, name: output} : null;
  const definition: Definition = () => {
    throw error;
  };
  if (!peeked) {
    return {
      cell,
      name: null,
      defines: [],
      variables: [{name: null, inputs: [], definition, role: "main"}],
      fileAttachments: [],
      error
    };
  }
  // Every name the cell would define fails with the error, so `viewof x`'s readers of `x` wait on it too.
  const {prefix, name} = peeked;
  const shown = prefix ? `${prefix} ${name}` : name;
  const defines =
    prefix === "viewof" ? [shown, name] : prefix === "mutable" ? [`initial ${name}`, shown, name] : [name];
  const variables = defines.map((n): VariableSpec => ({
    name: n,
    inputs: [],
    definition,
    role: n === shown ? "main" : "hidden"
  }));
  return {cell, name: shown, defines, variables, fileAttachments: [], error};
}

// The name a cell that does not parse meant to define: `x = …`, `viewof x = …`, `mutable x = …` (but not
// `x => …` or `x == …`), so that its dependents wait on it rather than find it undefined.
function peekName(source: string): {prefix: "viewof" | "mutable" | null; name: string} | null {
  const match = /^\s*(?:(viewof|mutable)\s+)?([A-Za-z_$][\w$]*)\s*=(?![=>])/.exec(source);
  return match ? {prefix: (match[1] as "viewof" | "mutable" | undefined) ?? null, name: match[2]!} : null;
}

function syntaxError(cell: Cell, error: unknown): CellError {
  const loc = (error as Partial<ParseError>).loc;
  // acorn appends "(line:column)" relative to the cell; the CellError carries the position in the file instead.
  const message = (error instanceof Error ? error.message : String(error)).replace(/ \(\d+:\d+\)$/, "");
  const line = cell.line + (loc ? loc.line - 1 : 0);
  const column = loc ? loc.column + 1 : undefined;
  const peeked = cell.mode === "ojs" ? peekName(cell.source) : null;
  const named = peeked && (peeked.prefix ? `${peeked.prefix} ${peeked.name}` : peeked.name);
  const name = named || templateOutput(cell);
  return new CellError("syntax", message, name, line, {
    cause: error,
    column
  });
}
