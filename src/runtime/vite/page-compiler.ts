import {fileURLToPath} from "node:url";

// How a page's client module compiles the notebook's cells. A dev server's page parses them in the page (its
// cells are edited there); a built page imports the module the build compiled them into (compile/ahead.ts),
// ships no parser and evaluates no code.

/** The compiler with the parser (compileCells), for a dev server's page. */
export const compilerEntry = fileURLToPath(new URL("../compile/compile-cell.ts", import.meta.url));

/** The parser-free compiler of a built page (precompiledCells). */
const precompiledEntry = fileURLToPath(new URL("../compile/precompiled.ts", import.meta.url));

/**
 * The lines of a page's client module that import its compiler, and the expression startPage takes as
 * `compile`: in a built page, the compiled cells module the build emitted as a file (`cellsFile`, the bundler's
 * reference to it), else the parser. That module is a file of its own, imported by URL, so that the bundler
 * never minifies it: its line table (where each cell's function is) must hold in the page.
 */
export function pageCompiler(cellsFile?: string): {imports: string[]; expression: string} {
  if (cellsFile === undefined)
    return {
      imports: [`import {compileCells} from ${JSON.stringify(compilerEntry)};`],
      expression: "compileCells"
    };
  return {
    imports: [
      `import {precompiledCells} from ${JSON.stringify(precompiledEntry)};`,
      `const cells = await import(/* @vite-ignore */ import.meta.ROLLUP_FILE_URL_${cellsFile});`
    ],
    expression: "precompiledCells(cells)"
  };
}
