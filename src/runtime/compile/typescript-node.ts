// Node only: TypeScript cells lose their types here, synchronously. Sucrase strips them line for line (a cell's
// line k stays line k, so errors name the line they threw from) and removes only what TypeScript's
// verbatimModuleSyntax removes: `import type` and `type` specifiers, never an import the cell declares for other
// cells to read. Oxc (which Vite brings, through rolldown) names what is wrong when a cell does not parse.
import {transformSync} from "rolldown/experimental";
import {transform} from "sucrase";
import {useTypeScript} from "./typescript.ts";

// ESC [ … m: the colour codes Oxc writes into its messages.
const TERMINAL_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, "g");

useTypeScript((source) => {
  try {
    return transform(source, {transforms: ["typescript"], disableESTransforms: true, keepUnusedImports: true})
      .code;
  } catch (error) {
    throw oxcError(source) ?? error;
  }
});

/** Oxc's first error on `source` as a SyntaxError with `loc`: its messages say what was expected. */
function oxcError(source: string): SyntaxError | undefined {
  const [first] = transformSync("cell.ts", source, {lang: "ts", sourceType: "module"}).errors;
  if (!first) return undefined;
  // The message's first line, without the terminal colours and the code frame (the cell shows its own line).
  const message = first.message
    .split("\n")[0]!
    .replace(TERMINAL_COLOURS, "")
    .replace(/^\[[A-Z_]+\]\s*/, "");
  const error = new SyntaxError(message) as SyntaxError & {loc?: {line: number; column: number}};
  const loc = (first as {loc?: {line: number; column: number}}).loc;
  if (loc) error.loc = {line: loc.line, column: loc.column};
  return error;
}
