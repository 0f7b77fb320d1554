import {planNotebook} from "../../src/runtime/compile/ahead.ts";
import type {CellPlan} from "../../src/runtime/compile/cell-plan.ts";
import {precompiledCells} from "../../src/runtime/compile/precompiled.ts";
import {NotebookRuntime} from "../../src/runtime/define/notebook-runtime.ts";
import {parseNotebook} from "../../src/runtime/notebook/index.ts";
import type {Notebook} from "../../src/runtime/notebook/types.ts";
import {trackingHost} from "./ours.ts";
import type {Side} from "./side.ts";

/**
 * phoenix-notebook as a built page runs: the build planned the cells (untimed, in `prepare`); the page reads
 * the notebook and the plans as text (JSON.parse stands for reading the embedded notebook and evaluating the
 * plans' module), then NotebookRuntime realizes the plans (one `new Function`) and defines every cell.
 */
export function built(): Side {
  let notebookJson = "";
  let plansJson = "";
  return {
    label: "ours as built (compiled ahead)",
    prepare(html) {
      const notebook = parseNotebook(html, "bench.html");
      notebookJson = JSON.stringify(notebook);
      plansJson = JSON.stringify(planNotebook(notebook), (key, value: unknown) =>
        key === "cause" ? undefined : value
      );
    },
    start(_html, builtins, tracker) {
      const notebook = JSON.parse(notebookJson) as Notebook;
      const plans = JSON.parse(plansJson) as CellPlan[];
      const host = trackingHost(tracker, notebook.cells[0]!.id);
      const runtime = new NotebookRuntime({builtins, host, compile: precompiledCells(plans)});
      runtime.update(notebook);
      return runtime;
    }
  };
}
