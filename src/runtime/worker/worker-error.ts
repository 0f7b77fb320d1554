import {describeTask} from "./describe-task.ts";
import type {TaskRef} from "./types.ts";

/** How a worker died without answering. */
export type WorkerCrash =
  /** An error escaped the task (thrown from a timer, an unhandled rejection) or the worker failed to load. */
  | {kind: "uncaught"; error: unknown}
  /** The worker exited (process.exit() in Node) before sending its result. */
  | {kind: "exit"; code: number}
  /** Node: the worker's heap grew past its limit. */
  | {kind: "out-of-memory"; error: unknown; limitMB: number | undefined}
  /** The worker sent a message the host could not deserialize. */
  | {kind: "unreadable-message"; error: unknown};

/** A run's worker crashed, exited or ran out of memory: the run's error, not the page's. */
export class WorkerError extends Error {
  override readonly name = "WorkerError";
  /** The task the worker was running. */
  readonly task: TaskRef;
  /** The last stage the task reported before it died, if any. */
  readonly stage: string | undefined;
  /** How it died. */
  readonly kind: WorkerCrash["kind"];

  constructor(task: TaskRef, crash: WorkerCrash, stage?: string) {
    const during = stage === undefined ? "" : ` in stage ${JSON.stringify(stage)}`;
    super(`worker for task ${describeTask(task)} ${explain(crash)}${during}`, {
      cause: "error" in crash ? crash.error : undefined
    });
    this.task = task;
    this.stage = stage;
    this.kind = crash.kind;
  }
}

function explain(crash: WorkerCrash): string {
  switch (crash.kind) {
    case "uncaught":
      return `crashed: ${crash.error instanceof Error ? crash.error.message : String(crash.error)}`;
    case "exit":
      return crash.code === 0 ? "exited before returning a result" : `exited with code ${crash.code}`;
    case "out-of-memory":
      return crash.limitMB === undefined
        ? "ran out of memory"
        : `ran out of memory (limit ${crash.limitMB} MB)`;
    case "unreadable-message":
      return "sent a message that could not be read";
  }
}
