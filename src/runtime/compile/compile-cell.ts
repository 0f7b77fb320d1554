import {parseCell, type Cell as ParsedCell} from "@observablehq/parser";
import type {Cell} from "../notebook/types.ts";
import {isLoaderCell} from "../loaders/loader-cell.ts";
import {
  cellKey,
  failedPlan,
  syntaxErrorOf,
  templateOutput,
  type CellPlan,
  type PlannedError,
  type VariablePlan
} from "./cell-plan.ts";
import {definitionSource} from "./definition.ts";
import {outputNameProblem} from "./output-name.ts";
import {presentGlobals} from "./globals.ts";
import {instantiatePlans} from "./instantiate.ts";
import {realizePlans} from "./realize.ts";
import {stripTypes} from "./typescript.ts";
import {moduleDefinitionCode, readModuleCell, type ModuleCellSource} from "./module-cell.ts";
import type {CompiledCell} from "./types.ts";
import {sqlDatabase} from "./sql-database.ts";
import {sqlFileNames} from "../sql/sql-files.ts";

/** Turns one notebook cell into the runtime variables that compute it. Never throws: errors become the cell's. */
export function compileCell(cell: Cell): CompiledCell {
  return compileCells([cell])[0]!;
}

/**
 * Compiles cells together: each is parsed on its own (a syntax error stays in its cell), then all their
 * definitions are instantiated at once, which costs far less than one `new Function` per cell.
 */
export function compileCells(cells: readonly Cell[]): CompiledCell[] {
  return realizePlans(cells, instantiatePlans(cells, planCells(cells)), (plan) => plan.code);
}

/**
 * Parses cells and generates their definitions' source, as data (see CellPlan): null for a data loader cell,
 * which has no JavaScript. `globals`: the names that stay JavaScript globals rather than references to cells
 * (default: those the parser knows that exist here; a build plans for the page, where all of them do).
 */
export function planCells(
  cells: readonly Cell[],
  globals: Set<string> = presentGlobals()
): (CellPlan | null)[] {
  return cells.map((cell) => (isLoaderCell(cell) ? null : planCell(cell, globals)));
}

function planCell(cell: Cell, globals: Set<string>): CellPlan {
  const parsed = parse(cell, globals);
  if ("message" in parsed) return failedPlan(cell, parsed);
  if ("module" in parsed) {
    const {code, inputs} = moduleSource(parsed);
    return planModule(cell, parsed, inputs, code);
  }
  const {code, inputs} = definitionSource(cell, parsed);
  return plan(cell, parsed, inputs, code);
}

/** A JavaScript cell, read as a module, and its body parsed as a block (for its free names). */
interface ParsedModule {
  readonly module: ModuleCellSource;
  readonly block: ParsedCell;
}

function parse(cell: Cell, globals: Set<string>): ParsedCell | ParsedModule | PlannedError {
  try {
    if (cell.mode === "js" || cell.mode === "ts") {
      const module = readModuleCell(cell.mode === "ts" ? stripTypes(cell.source) : cell.source);
      return {module, block: parseBlock(module.body, globals)};
    }
    if (cell.mode === "ojs") {
      const parsed = parseCell(cell.source, {globals});
      if (parsed.body?.type !== "ImportDeclaration") return parsed;
      // An import cell: a package or a file, read as a JavaScript cell's import (its names are its outputs).
      const module = readModuleCell(classicImport(parsed.body as unknown as ClassicImport, cell.source));
      return {module, block: parseCell(`{${module.body}\n}`, {globals})};
    }
    if (cell.mode === "sql") sqlDatabase(cell); // an unknown database is the cell's syntax error
    const problem = cell.output === undefined ? undefined : outputNameProblem(cell.output);
    if (problem) throw new SyntaxError(`invalid output name: ${JSON.stringify(cell.output)} (${problem})`);
    return parseCell(cell.source, {tag: cell.mode, raw: true, globals});
  } catch (error) {
    return syntaxErrorOf(cell, error);
  }
}

/**
 * A JavaScript cell's body parsed as a block, for its free names. Its errors are the cell's: on the first line,
 * at the column of the cell (the block's `{` comes before it); an assignment to a name the cell does not
 * declare says so (the parser calls every outer name a constant).
 */
function parseBlock(body: string, globals: Set<string>): ParsedCell {
  try {
    return parseCell(`{${body}\n}`, {globals});
  } catch (error) {
    const loc = (error as {loc?: {line: number; column: number}}).loc;
    if (loc?.line === 1) loc.column -= 1;
    const assigned = /^Assignment to constant variable (\S+)/.exec((error as Error).message);
    if (error instanceof SyntaxError && assigned)
      error.message = `assignment to ${assigned[1]}, which this cell does not declare: a cell assigns only its own names (const ${assigned[1]} = …)${error.message.slice(assigned[0].length)}`;
    throw error;
  }
}

/** The parser's node for a classic import cell (`import {a} with {b} from "…"`). */
interface ClassicImport {
  readonly start: number;
  readonly end: number;
  readonly source: {readonly value: unknown};
  readonly injections?: readonly unknown[];
}

/**
 * The source of a classic import cell, when it imports what a JavaScript cell can (an `npm:` or `jsr:` package, a
 * file beside the notebook); else a SyntaxError saying what it would need: another Observable notebook
 * (`@d3/bar-chart`) lives on observablehq.com, which a notebook here never calls.
 */
function classicImport(node: ClassicImport, source: string): string {
  const specifier = String(node.source.value);
  if (!/^(npm:|jsr:|\.{0,2}\/)/.test(specifier))
    throw new SyntaxError(
      `import from "${specifier}": importing another Observable notebook needs observablehq.com, which a notebook ` +
        `here never calls; import an npm: package ("npm:name") or a file ("./x.js") instead`
    );
  if (node.injections?.length)
    throw new SyntaxError(
      `import … with … from "${specifier}": with injects into another notebook; a module takes none`
    );
  return source;
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
function planModule(cell: Cell, {module, block}: ParsedModule, inputs: string[], code: string): CellPlan {
  const run = `module ${cell.id}`;
  const variables: VariablePlan[] = [
    {name: run, inputs, definition: "code", role: "main"},
    ...module.outputs.map((name): VariablePlan => ({
      name,
      inputs: [run],
      definition: {output: name},
      role: "output"
    }))
  ];
  return {
    id: cell.id,
    key: cellKey(cell),
    code,
    name: module.outputs.length ? module.outputs.join(", ") : null,
    defines: [run, ...module.outputs],
    variables,
    fileAttachments: [...block.fileAttachments.keys()]
  };
}

function plan(cell: Cell, parsed: ParsedCell, inputs: string[], code: string): CellPlan {
  const fileAttachments = [...parsed.fileAttachments.keys()];
  // A SQL cell's files are those its text names (`FROM "data/penguins.csv"`): the build copies them too.
  if (cell.mode === "sql") fileAttachments.push(...sqlFileNames(cell.source));
  const base = {id: cell.id, key: cellKey(cell), code, fileAttachments};
  const id = parsed.id;
  if (id === null) {
    const name = templateOutput(cell);
    const variables: VariablePlan[] = [{name, inputs, definition: "code", role: "main"}];
    return {...base, name, defines: name ? [name] : [], variables};
  }
  if (id.type === "ViewExpression") {
    const name = id.id.name;
    const view = `viewof ${name}`;
    const variables: VariablePlan[] = [
      {name: view, inputs, definition: "code", role: "main"},
      {name, inputs: ["Generators", view], definition: "view-value", role: "view-value"}
    ];
    return {...base, name: view, defines: [view, name], variables};
  }
  if (id.type === "MutableExpression") {
    const name = id.id.name;
    const [initial, mutable] = [`initial ${name}`, `mutable ${name}`];
    const variables: VariablePlan[] = [
      {name: initial, inputs, definition: "code", role: "hidden"},
      {name: mutable, inputs: ["Mutable", initial], definition: "mutable-of", role: "hidden"},
      {name, inputs: [mutable], definition: "mutable-generator", role: "main"}
    ];
    return {...base, name: mutable, defines: [initial, mutable, name], variables};
  }
  const variables: VariablePlan[] = [{name: id.name, inputs, definition: "code", role: "main"}];
  return {...base, name: id.name, defines: [id.name], variables};
}
