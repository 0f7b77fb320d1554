import {compileCells} from "../../src/runtime/compile/compile-cell.ts";
import type {CompiledCell} from "../../src/runtime/compile/types.ts";
import {NotebookRuntime} from "../../src/runtime/define/notebook-runtime.ts";
import type {CellObserver, NotebookHost} from "../../src/runtime/define/observer.ts";
import {NotebookRecorder} from "../../src/runtime/headless/recorder.ts";
import {parseNotebook} from "../../src/runtime/notebook/index.ts";
import type {Side} from "./side.ts";
import type {CellTracker} from "./tracker.ts";

/**
 * phoenix-notebook: parseNotebook, then NotebookRuntime.update (compile and define every cell). The plain host
 * only reports to the tracker, as the baseline's observers do; with `recorder`, the host is the headless
 * runner's NotebookRecorder (the tracker listening beside it), to show what its bookkeeping costs.
 */
export function ours({recorder}: {recorder: boolean}): Side {
  return {
    label: recorder ? "ours + NotebookRecorder" : "ours",
    start(html, builtins, tracker) {
      const notebook = parseNotebook(html, "bench.html");
      const first = notebook.cells[0]!.id;
      const host = recorder ? recordingHost(tracker, first) : trackingHost(tracker, first);
      const runtime = new NotebookRuntime({builtins, host, compile: compileCells});
      runtime.update(notebook);
      return runtime;
    }
  };
}

/** A host that only reports to the tracker; a cell's index in the graph is its id minus the first cell's. */
export function trackingHost(tracker: CellTracker, first: number): NotebookHost {
  return {
    observe(compiled: CompiledCell): CellObserver {
      const index = compiled.cell.id - first;
      return {
        pending() {},
        fulfilled: (value) => tracker.fulfilled(index, value),
        rejected: (error) => tracker.rejected(index, error)
      };
    }
  };
}

function recordingHost(tracker: CellTracker, first: number): NotebookHost {
  const recorder = new NotebookRecorder();
  return {
    observe(compiled: CompiledCell): CellObserver {
      const index = compiled.cell.id - first;
      const observer = recorder.observe(compiled);
      return {
        ...observer,
        fulfilled(value) {
          observer.fulfilled(value);
          tracker.fulfilled(index, value);
        },
        rejected(error) {
          observer.rejected(error);
          tracker.rejected(index, error);
        }
      };
    },
    order: (cells) => recorder.order(cells)
  };
}
