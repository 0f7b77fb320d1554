import type {EmbedHooks} from "./options.ts";

/** How long a method computes before it lets the event loop run (an abort, a worker's messages). */
const YIELD_EVERY_MS = 30;

/**
 * Progress, cancellation and fairness for the long loops of every method: `tick` reports the fraction done,
 * throws the signal's reason once aborted, and now and then yields, since an abort can only arrive (and a
 * worker only answer) when the loop lets the event loop run.
 */
export class Ticker {
  readonly #hooks: EmbedHooks;
  #lastYield = performance.now();

  constructor(hooks: EmbedHooks = {}) {
    this.#hooks = hooks;
  }

  async tick(fraction: number, stage: string): Promise<void> {
    this.#hooks.signal?.throwIfAborted();
    this.#hooks.progress?.(Math.min(1, Math.max(0, fraction)), stage);
    if (performance.now() - this.#lastYield < YIELD_EVERY_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.#lastYield = performance.now();
    this.#hooks.signal?.throwIfAborted();
  }

  /** Throws the signal's reason when aborted. */
  check(): void {
    this.#hooks.signal?.throwIfAborted();
  }

  get signal(): AbortSignal | undefined {
    return this.#hooks.signal;
  }
}
