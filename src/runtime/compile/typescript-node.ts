// Node only: TypeScript cells are compiled with Oxc (through rolldown, which Vite brings), synchronously.
import {transformSync} from "rolldown/experimental";
import {useTypeScript} from "./typescript.ts";

// ESC [ … m: the colour codes Oxc writes into its messages.
const TERMINAL_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, "g");

useTypeScript((source) => {
  const {code, errors} = transformSync("cell.ts", source, {lang: "ts", sourceType: "module"});
  const [first] = errors;
  if (!first) return code;
  // The message's first line, without the terminal colours and the code frame (the cell shows its own line).
  const message = first.message
    .split("\n")[0]!
    .replace(TERMINAL_COLOURS, "")
    .replace(/^\[[A-Z_]+\]\s*/, "");
  const error = new SyntaxError(message) as SyntaxError & {loc?: {line: number; column: number}};
  const loc = (first as {loc?: {line: number; column: number}}).loc;
  if (loc) error.loc = {line: loc.line, column: loc.column};
  throw error;
});
