import {Runtime} from "@observablehq/runtime";
import type {Graph} from "./graph.ts";
import type {Side} from "./side.ts";

/**
 * The same graph hand-wired on @observablehq/runtime, the way a hand-written `define` would: one observed
 * variable per runtime variable, with the JS functions of cell-kinds.ts. No parsing, no generated code. The HTML
 * is ignored: this is the floor our runtime is measured against.
 */
export function baseline(graph: Graph): Side {
  return {
    label: "baseline: hand-wired on the runtime",
    start(_html, builtins, tracker) {
      const runtime = new Runtime(builtins);
      const module = runtime.module();
      graph.cells.forEach((cell, index) => {
        cell.variables.forEach(({name, inputs, definition}, i) => {
          module.variable(tracker.observer(index, i === 0)).define(name, inputs, definition);
        });
      });
      return runtime;
    }
  };
}
