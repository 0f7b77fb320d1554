import {Runtime} from "@observablehq/runtime";
import type {Definition} from "../../src/runtime/compile/types.ts";
import type {Graph} from "./graph.ts";
import type {Side} from "./side.ts";

/**
 * The graph hand-wired on @observablehq/runtime, as the baseline, but with its functions written out one per
 * variable in a module of their own (each variable's `code`, its constants in the text), which `prepare` loads
 * anew each round, untimed, as the built side loads its cells module. A page opening runs code the engine has
 * never seen, hand-written or not; the baseline's closures are shared by every cell of a kind and have run in
 * every round before, so its JIT is warm. This side is the hand-wired page on its first visit.
 */
export function handFresh(graph: Graph): Side {
  let definitions: readonly Definition[] = [];
  let serial = 0;
  return {
    label: "hand-wired, its module loaded afresh",
    async prepare() {
      const source = defineModule(graph, serial++);
      const url = `data:text/javascript;base64,${Buffer.from(source).toString("base64")}`;
      ({definitions} = (await import(url)) as {definitions: Definition[]});
    },
    start(_html, builtins, tracker) {
      const runtime = new Runtime(builtins);
      const module = runtime.module();
      let next = 0;
      graph.cells.forEach((cell, index) => {
        cell.variables.forEach(({name, inputs}, i) => {
          module.variable(tracker.observer(index, i === 0)).define(name, inputs, definitions[next++]!);
        });
      });
      return runtime;
    }
  };
}

// Every variable's function in graph order, each in parentheses as the build writes the cells (engines compile
// a parenthesized function when they load the module, so neither side compiles its functions while timed).
// The serial makes each round's text new: no engine cache hands a round the last one's code.
function defineModule(graph: Graph, serial: number): string {
  const functions = graph.cells.flatMap((cell) => cell.variables.map(({code}) => `(${code})`));
  return `// round ${serial}\nexport const definitions = [\n${functions.join(",\n")}\n];\n`;
}
