import {fileURLToPath} from "node:url";

// How a page's client module compiles the notebook's cells. A dev server's page parses them in the page (its
// cells are edited there); a built page imports what the build compiled (compile/ahead.ts) and ships no parser.

/** The compiler with the parser (compileCells), for a dev server's page. */
export const compilerEntry = fileURLToPath(new URL("../compile/compile-cell.ts", import.meta.url));

/** The parser-free compiler of a built page (precompiledCells). */
const precompiledEntry = fileURLToPath(new URL("../compile/precompiled.ts", import.meta.url));

// A page's compiled cells: a virtual module named by the notebook's path in hex (the bundler's names stay plain).
const COMPILED_CELLS = /^\0phoenix-notebook-cells-([\da-f]+)\.js$/;

/** The id of the module holding the compiled cells of the notebook at `file` (relative to the root). */
export function compiledCellsId(file: string): string {
  return `\0phoenix-notebook-cells-${Buffer.from(file).toString("hex")}.js`;
}

/** The notebook whose compiled cells `id` names, or undefined for any other module. */
export function pageOfCompiledCells(id: string): string | undefined {
  const hex = COMPILED_CELLS.exec(id)?.[1];
  return hex === undefined ? undefined : Buffer.from(hex, "hex").toString();
}

/**
 * The lines of a page's client module that import its compiler, and the expression startPage takes as
 * `compile`: the build's plans for the notebook at `file` when given (a built page), else the parser.
 */
export function pageCompiler(file?: string): {imports: string[]; expression: string} {
  if (file === undefined)
    return {
      imports: [`import {compileCells} from ${JSON.stringify(compilerEntry)};`],
      expression: "compileCells"
    };
  return {
    imports: [
      `import {precompiledCells} from ${JSON.stringify(precompiledEntry)};`,
      `import plans from ${JSON.stringify(compiledCellsId(file))};`
    ],
    expression: "precompiledCells(plans)"
  };
}
