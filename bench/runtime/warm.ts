import {Runtime} from "@observablehq/runtime";
import {compileCells} from "../../src/runtime/compile/compile-cell.ts";
import type {CompiledCell} from "../../src/runtime/compile/types.ts";
import {parseNotebook} from "../../src/runtime/notebook/index.ts";
import type {Side} from "./side.ts";

/**
 * Like `precompiled` (our compiled cells on the bare runtime), but compiled once, in the first `prepare`: every
 * round runs the same functions, as the baseline runs the same closures. Against `precompiled`, whose
 * functions are new each round (as a page's are on every visit), it shows what code the engine has never
 * run costs by itself: the part of a page's first render no build can take off its path.
 */
export function warm(): Side {
  let compiled: CompiledCell[] | undefined;
  return {
    label: "ours compiled once, the same functions each round",
    prepare(html) {
      compiled ??= compileCells(parseNotebook(html).cells);
    },
    start(_html, builtins, tracker) {
      const runtime = new Runtime(builtins);
      const module = runtime.module();
      const first = compiled![0]!.cell.id;
      for (const {cell, variables} of compiled!) {
        variables.forEach(({name, inputs, definition}, i) => {
          module.variable(tracker.observer(cell.id - first, i === 0)).define(name, inputs, definition);
        });
      }
      return runtime;
    }
  };
}
