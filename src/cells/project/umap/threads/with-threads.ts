import {ThreadPool} from "./pool.ts";

/** How many threads a UMAP stage may use: "auto" (one per core) or a count; 1 runs without threads. */
export type ThreadCount = number | "auto";

/** Below this many points, "auto" stays on one thread: starting threads would cost more than they save. */
const AUTO_MIN_POINTS = 4096;

/**
 * Runs `work` with a pool of `threads` threads, or with none (null) when one thread is asked for, "auto"
 * finds one core or a small input, or this platform lends none; the pool is closed when `work` settles,
 * whether it resolves, throws or is aborted.
 */
export async function withThreads<T>(
  threads: ThreadCount,
  n: number,
  signal: AbortSignal | undefined,
  work: (pool: ThreadPool | null) => Promise<T>
): Promise<T> {
  const count = threads === "auto" ? (n < AUTO_MIN_POINTS ? 1 : await ThreadPool.cores()) : threads;
  const pool = count > 1 ? await ThreadPool.open(count, signal) : null;
  try {
    return await work(pool);
  } finally {
    pool?.close();
  }
}
