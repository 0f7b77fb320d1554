import {compiledCellsModule} from "../../src/runtime/compile/ahead.ts";
import type {BuiltCells} from "../../src/runtime/compile/built-cells.ts";
import {precompiledCells} from "../../src/runtime/compile/precompiled.ts";
import {NotebookRuntime} from "../../src/runtime/define/notebook-runtime.ts";
import {parseNotebook} from "../../src/runtime/notebook/index.ts";
import type {Notebook} from "../../src/runtime/notebook/types.ts";
import {trackingHost} from "./ours.ts";
import type {Side} from "./side.ts";

/**
 * phoenix-notebook as a built page runs: the build wrote the cells' module (compiledCellsModule) and the page
 * loaded it, both untimed in `prepare`, as the baseline's functions are loaded before it starts; the timed
 * part reads the notebook the shell embeds (JSON.parse stands for it), realizes the module's functions
 * (precompiledCells, which evaluates no code) and defines every cell with NotebookRuntime.
 */
export function built(): Side {
  let notebookJson = "";
  let cells: BuiltCells | undefined;
  return {
    label: "ours as built (compiled ahead)",
    async prepare(html) {
      const notebook = parseNotebook(html, "bench.html");
      notebookJson = JSON.stringify(notebook);
      const source = compiledCellsModule(notebook);
      cells = (await import(
        `data:text/javascript;base64,${Buffer.from(source).toString("base64")}`
      )) as BuiltCells;
    },
    start(_html, builtins, tracker) {
      const notebook = JSON.parse(notebookJson) as Notebook;
      const host = trackingHost(tracker, notebook.cells[0]!.id);
      const runtime = new NotebookRuntime({builtins, host, compile: precompiledCells(cells!)});
      runtime.update(notebook);
      return runtime;
    }
  };
}
