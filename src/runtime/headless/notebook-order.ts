// The runner's thread can be taken for good by a cell that never yields (`while (true) {}`): the parent then
// reports what the thread posted before. The runtime starts every cell whose inputs are ready in one pass of
// promise reactions, last-defined first, so such a cell could start before the cells above it, or while the
// reports of cells that had computed were still reactions away, and all of them were reported unsettled.
// Starting the cells' code one per turn of the event loop, in notebook order, lets each cell's report out (the
// reactions run between turns) before the next cell can take the thread.
import type {CellCompiler, Definition} from "../compile/types.ts";

/** Compiles as `compile` does, into cells whose code starts one at a time, in notebook order. */
export function startingInNotebookOrder(compile: CellCompiler): CellCompiler {
  const turn = turns();
  return (cells) =>
    compile(cells).map((compiled) => {
      const wait = () => turn(compiled.cell.line);
      // Only the variables that run the cell's code wait. An output or a view's value reads what the cell's run
      // gave at once, as the runtime chains it: a turn between them would leave a promise the cell declared
      // (`const world = fetch(…)`) unobserved for a turn, and its rejection would end the thread as unhandled.
      const variables = compiled.variables.map((spec) =>
        spec.role === "output" || spec.role === "view-value"
          ? spec
          : {...spec, definition: afterWait(spec.definition, wait)}
      );
      return {...compiled, variables};
    });
}

// The runtime takes a promise from a definition as it takes its value: it awaits it. A run that is stale by its
// turn still runs, and the runtime drops its value, as it does an async cell's.
function afterWait(definition: Definition, wait: () => Promise<void>): Definition {
  return function (this: unknown, ...inputs: unknown[]) {
    return wait().then(() => definition.apply(this, inputs));
  };
}

/**
 * Gives turns, one per turn of the event loop (setImmediate), to the waiters that asked by then, the one at
 * the first line first (in the order they asked for the same line).
 */
function turns(): (line: number) => Promise<void> {
  const waiting: {line: number; start: () => void}[] = [];
  let scheduled = false;
  const next = () => {
    scheduled = false;
    let first = 0;
    for (let i = 1; i < waiting.length; ++i) if (waiting[i]!.line < waiting[first]!.line) first = i;
    const [waiter] = waiting.splice(first, 1);
    if (waiting.length > 0) schedule();
    waiter?.start();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(next);
  };
  return (line) =>
    new Promise((start) => {
      waiting.push({line, start});
      schedule();
    });
}
