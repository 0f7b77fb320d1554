/**
 * A task a worker can run: a name in the registry (bundled for the browser, see registry.ts), or a module
 * URL or path and the name of its export (Node; in the browser only under the Vite dev server).
 */
export type TaskRef = string | {module: string; export: string};

/** What a running task gets besides its arguments. */
export interface TaskContext {
  /** Reports how far the task is, 0 to 1, and optionally which stage it is in. */
  progress(fraction: number, stage?: string): void;
  /** Aborted when the run is cancelled (the host also terminates the worker: no cleanup is guaranteed). */
  signal: AbortSignal;
}

/** The shape of a task module's export. */
export type TaskFunction<A = never, R = unknown> = (args: A, context: TaskContext) => R | Promise<R>;

/** Options of runTask(). */
export interface RunTaskOptions {
  /** Cancels the run: the worker is terminated at once and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called with each progress message of the task, in order. */
  onProgress?: (fraction: number, stage?: string) => void;
  /** Buffers in `args` to move to the worker instead of copying them (they are detached here). Default: []. */
  transfer?: Transferable[];
  /** Node only: the worker's heap limit in MB; beyond it the run rejects with a WorkerError. Default: none. */
  maxMemoryMB?: number;
}

// The protocol. One worker runs one task: the host sends `start` (then maybe `cancel`); the worker answers
// with any number of `progress` messages and one `result` or `error`. `id` ties the answers to the run.

/** Host → worker. */
export type HostMessage =
  {type: "start"; id: number; task: TaskRef; args: unknown} | {type: "cancel"; id: number};

/** Worker → host. */
export type WorkerMessage =
  | {type: "progress"; id: number; fraction: number; stage: string | undefined}
  | {type: "result"; id: number; value: unknown}
  | {type: "error"; id: number; name: string; message: string; stack: string | undefined};
