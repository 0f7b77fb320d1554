// A cell's `output` attribute names a variable other cells read. A name no cell can read, or one that takes
// the place of the runtime's own, is refused on that cell: `output="invalidation"` defined the runtime's
// `invalidation` anew, and every cell that waits on it (each SQL cell) failed as a circular definition.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// JavaScript's reserved words (strict mode, modules), and names a cell cannot bind: a reference to any of them
// is never a reference to a cell.
const RESERVED = new Set(
  (
    "await break case catch class const continue debugger default delete do else enum export extends false " +
    "finally for function if import in instanceof new null return super switch this throw true try typeof var " +
    "void while with yield let static implements interface package private protected public arguments eval"
  ).split(" ")
);

// Given to each variable by the runtime, for that variable alone: a cell of that name would replace them.
const PER_CELL = new Set(["invalidation", "visibility"]);

/** Why `name` cannot be a cell's output (to follow `invalid output name: "x" `), or undefined if it can. */
export function outputNameProblem(name: string): string | undefined {
  return IDENTIFIER.test(name) ? reservedNameProblem(name) : "expected an identifier";
}

/** Why an identifier cannot be a cell's output (a reserved word, the runtime's own), or undefined. */
export function reservedNameProblem(name: string): string | undefined {
  if (RESERVED.has(name)) return "a reserved word: no cell can read it; choose another name";
  if (PER_CELL.has(name)) return "it is the runtime's own, given to each cell; choose another name";
  return undefined;
}
