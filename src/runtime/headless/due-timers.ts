// The notebook thread's one-shot timers, by when each is due: a run lets those due soon after its last cell
// settled fire before it ends, so that an error one of them throws (a cell's `setTimeout(() => { throw … }, 10)`)
// is reported rather than lost with the thread.

/** Waits, once every cell has settled, for the timers set so far that are due within `ms`. */
export type LetDueTimersFire = (ms: number) => Promise<void>;

/**
 * Wraps this thread's global `setTimeout` and `clearTimeout` to keep each pending timer's due time (timers set
 * through node:timers directly are not seen). Call once, before the notebook opens.
 */
export function trackDueTimers(): LetDueTimersFire {
  const pending = new Map<unknown, number>();
  const {setTimeout: set, clearTimeout: clear} = globalThis;
  const tracked = (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const timer = set(
      (...values: unknown[]) => {
        pending.delete(timer);
        if (typeof callback === "function") callback(...values);
      },
      delay,
      ...args
    );
    // Node runs a delay under 1 ms (or not a number) as 1 ms.
    pending.set(timer, Date.now() + Math.max(1, Number(delay) || 0));
    return timer;
  };
  // util.promisify(setTimeout) and the like read the original's custom form: keep it.
  globalThis.setTimeout = Object.assign(tracked, set) as unknown as typeof setTimeout;
  globalThis.clearTimeout = ((timer?: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(timer);
    clear(timer);
  }) as typeof clearTimeout;
  return async (ms) => {
    const limit = Date.now() + ms;
    const due = [...pending.values()].filter((at) => at <= limit);
    if (due.length === 0) return;
    // Timers fire in the order they are due: one due just after the last of them fires after them all.
    await new Promise((resolve) => set(resolve, Math.max(...due) - Date.now() + 1));
  };
}
