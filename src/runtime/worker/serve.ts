import {toErrorMessage} from "./error-message.ts";
import {resolveTask, type ImportModule} from "./resolve-task.ts";
import {collectTransferables} from "./transferables.ts";
import type {HostMessage, TaskContext, WorkerMessage} from "./types.ts";

/** The worker's end of the channel, on either platform. */
export interface WorkerScope {
  post(message: WorkerMessage, transfer: Transferable[]): void;
  listen(listener: (message: HostMessage) => void): void;
}

/** Worker side: runs the task of each `start` message and answers with progress, then a result or an error. */
export function serve(scope: WorkerScope, importModule: ImportModule): void {
  const controller = new AbortController();
  scope.listen((message) => {
    switch (message.type) {
      case "start":
        void run(scope, message, importModule, controller.signal);
        break;
      case "cancel":
        controller.abort();
        break;
    }
  });
}

async function run(
  scope: WorkerScope,
  {id, task, args}: Extract<HostMessage, {type: "start"}>,
  importModule: ImportModule,
  signal: AbortSignal
): Promise<void> {
  const context: TaskContext = {
    progress(fraction, stage) {
      if (!Number.isNaN(fraction)) scope.post({type: "progress", id, fraction: clamp(fraction), stage}, []);
    },
    signal
  };
  let value: unknown;
  try {
    const run = await resolveTask(task, importModule);
    value = await run(args, context);
  } catch (error) {
    scope.post(toErrorMessage(id, error), []);
    return;
  }
  postResult(scope, id, value);
}

function postResult(scope: WorkerScope, id: number, value: unknown): void {
  try {
    scope.post({type: "result", id, value}, collectTransferables(value));
  } catch {
    // A buffer that cannot be moved (e.g. Node's pooled Buffer memory) must be copied instead.
    try {
      scope.post({type: "result", id, value}, []);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      scope.post(
        {...toErrorMessage(id, error), message: `the task's result cannot be sent back: ${message}`},
        []
      );
    }
  }
}

function clamp(fraction: number): number {
  return Math.min(1, Math.max(0, fraction));
}
