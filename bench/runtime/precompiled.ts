import {Runtime} from "@observablehq/runtime";
import {compileCells} from "../../src/runtime/compile/compile-cell.ts";
import type {CompiledCell} from "../../src/runtime/compile/types.ts";
import {parseNotebook} from "../../src/runtime/notebook/index.ts";
import type {Side} from "./side.ts";

/**
 * Our compiled cells (the definitions compileCells generates) wired on a bare @observablehq/runtime like the
 * baseline, with parsing and compiling done untimed in `prepare`, as a build step could do ahead of the page.
 * Against the baseline it isolates what generated code costs by itself (fresh functions the engine has never
 * run, builtins and globals as inputs); against ours, what parsing, compiling and NotebookRuntime cost.
 */
export function precompiled(): Side {
  let compiled: CompiledCell[] = [];
  return {
    label: "ours compiled ahead, on the bare runtime",
    prepare(html) {
      compiled = compileCells(parseNotebook(html).cells);
    },
    start(_html, builtins, tracker) {
      const runtime = new Runtime(builtins);
      const module = runtime.module();
      const first = compiled[0]!.cell.id;
      for (const {cell, variables} of compiled) {
        variables.forEach(({name, inputs, definition}, i) => {
          module.variable(tracker.observer(cell.id - first, i === 0)).define(name, inputs, definition);
        });
      }
      return runtime;
    }
  };
}
