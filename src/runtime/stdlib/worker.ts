import {cellScoped} from "../define/cell-context.ts";
import {runTask} from "../worker/run-task.ts";
import type {RunTaskOptions, TaskRef} from "../worker/types.ts";
import {invalidationSignal} from "./invalidation-signal.ts";

/** Options of `worker.run()`: cancellation and progress come from the cell. */
export type WorkerRunOptions = Pick<RunTaskOptions, "transfer" | "maxMemoryMB">;

/** The `worker` builtin. */
export interface CellWorker {
  /** Runs a task in a worker that the cell's invalidation terminates; progress shows in the cell's place. */
  run<R = unknown>(task: TaskRef, args: unknown, options?: WorkerRunOptions): Promise<R>;
}

/** `result = worker.run("project", {vectors})`: the run stops when the cell is invalidated. */
export const worker = cellScoped<CellWorker>((context) => {
  const signal = invalidationSignal(context);
  return {
    run: (task, args, options = {}) =>
      runTask(task, args, {
        ...options,
        signal,
        onProgress: (fraction, stage) => context.progress(fraction, stage)
      })
  };
});
