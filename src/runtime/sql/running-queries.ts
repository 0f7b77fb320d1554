// The SQL queries running in this thread, so that a thread about to be terminated can interrupt them first:
// node-api runs a query on libuv's pool, and `worker.terminate()` waits for it (a query over a cross join of a
// million rows each held `run --timeout 5` for minutes), or aborts the process when it ends into a dead thread.

const running = new Set<() => void>();
let onCount: ((count: number) => void) | undefined;

/** Counts a query as running until the returned function is called; `interrupt` stops it. */
export function trackQuery(interrupt: () => void): () => void {
  running.add(interrupt);
  onCount?.(running.size);
  return () => {
    if (running.delete(interrupt)) onCount?.(running.size);
  };
}

/** Tells `listener` how many queries run each time that changes (a thread posts it to its parent). */
export function watchQueryCount(listener: (count: number) => void): void {
  onCount = listener;
}

/** Interrupts every running query and resolves once none runs, or after `ms`. */
export async function interruptQueries(ms: number): Promise<void> {
  for (const interrupt of running) interrupt();
  const deadline = Date.now() + ms;
  while (running.size > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
}
