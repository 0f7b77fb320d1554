/** How long a synchronous stretch of work may run before it lets the event loop deliver an abort. */
const SLICE_MS = 40;

/**
 * Lets pending events (an abort, a progress repaint) run between slices of a long computation, then throws
 * if the signal was aborted. Yields only when the current slice has run `SLICE_MS`, so it is cheap to call
 * often.
 */
export class Checkpoint {
  private sliceStart = performance.now();

  constructor(private readonly signal: AbortSignal | undefined) {}

  async check(): Promise<void> {
    this.signal?.throwIfAborted();
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await yieldToEventLoop();
    this.sliceStart = performance.now();
    this.signal?.throwIfAborted();
  }
}

/** Resolves on the next macrotask: setImmediate where it exists (Node), a MessageChannel elsewhere. */
function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
