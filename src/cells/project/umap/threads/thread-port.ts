/** One worker thread as the pool sees it, the same over node:worker_threads and a page's Web Workers. */
export interface ThreadPort {
  /** Sends a message (its SharedArrayBuffers and shared wasm memory are shared, not copied). */
  post(message: unknown): void;
  /** Stops the thread at once; no event follows. */
  terminate(): void;
}

/** What a thread reports to the pool. */
export interface ThreadEvents {
  message(data: unknown): void;
  /** The thread died or could not start: an uncaught error, a message it could not read, an exit. */
  crash(error: Error): void;
}

/** Starts threads on this platform. */
export interface ThreadSpawner {
  /** Logical cores: what `threads: "auto"` asks for. */
  readonly cores: number;
  spawn(events: ThreadEvents): ThreadPort;
}
