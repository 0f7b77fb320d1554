import type {ReplyMessage, TaskMessage, ThreadTask} from "./messages.ts";
import {loadSpawner} from "./platform.ts";
import type {ThreadPort} from "./thread-port.ts";

/** A task's reply, or its rejection on a thread error, a crash, an abort or a close. */
interface Pending {
  resolve(value: number): void;
  reject(error: unknown): void;
}

let live = 0;

/** Threads started by pools and not yet terminated (the tests check that every pool shuts its threads). */
export function liveThreads(): number {
  return live;
}

/**
 * Worker threads running `ThreadTask`s, one at a time each. Every promise it returns settles: with the
 * task's result, or rejected when the task throws, a thread dies, the signal aborts or the pool closes.
 * Close it in a `finally`: it terminates the threads, which would otherwise keep a Node process alive.
 */
export class ThreadPool {
  readonly #ports: ThreadPort[] = [];
  readonly #pending = new Map<number, Pending>();
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = () => this.#fail(this.#signal!.reason);
  #nextId = 0;
  #closed = false;
  /** Why the pool closed: what a task run afterwards is rejected with (a crash's error, the abort's reason). */
  #failure: unknown;

  private constructor(signal: AbortSignal | undefined) {
    this.#signal = signal;
    signal?.addEventListener("abort", this.#onAbort, {once: true});
  }

  /** `count` threads, or null where this platform has none to lend (a page that is not cross-origin isolated). */
  static async open(count: number, signal?: AbortSignal): Promise<ThreadPool | null> {
    const spawner = await loadSpawner();
    if (!spawner) return null;
    signal?.throwIfAborted();
    const pool = new ThreadPool(signal);
    for (let t = 0; t < count; ++t) {
      pool.#ports.push(
        spawner.spawn({
          message: (data) => pool.#settle(data as ReplyMessage),
          crash: (error) => pool.#fail(new Error(`thread ${t} stopped: ${error.message}`, {cause: error}))
        })
      );
      ++live;
    }
    return pool;
  }

  /** How many threads a `threads: "auto"` run gets here: one per logical core, or 1 without threads. */
  static async cores(): Promise<number> {
    return (await loadSpawner())?.cores ?? 1;
  }

  get size(): number {
    return this.#ports.length;
  }

  /** Runs `task` on thread `thread`, after the tasks already sent to it. */
  run(thread: number, task: ThreadTask): Promise<number> {
    // The error the tasks pending at the close got: a thread that failed before this task is reported as such.
    if (this.#closed) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, {resolve, reject});
      this.#ports[thread]!.post({id, task} satisfies TaskMessage);
    });
  }

  /** Runs `taskOf(t)` on every thread t; resolves with their results once all are done. */
  broadcast(taskOf: (thread: number) => ThreadTask): Promise<number[]> {
    return Promise.all(this.#ports.map((_, t) => this.run(t, taskOf(t))));
  }

  /**
   * Runs every task, each on the next thread free (so uneven tasks balance), two queued per thread; `done` hears the index of each
   * task completed. Resolves with the results in the tasks' order.
   */
  async map(tasks: readonly ThreadTask[], done?: (index: number) => void): Promise<number[]> {
    const results = new Array<number>(tasks.length);
    let next = 0;
    const worker = async (thread: number) => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await this.run(thread, tasks[index]!);
        done?.(index);
      }
    };
    // Two tasks in flight per thread: the next one waits in the thread's queue instead of on a round trip
    // through this thread, which a busy machine can be slow to schedule.
    await Promise.all([...this.#ports, ...this.#ports].map((_, t) => worker(t % this.#ports.length)));
    return results;
  }

  /** Terminates every thread and rejects what is still pending. Safe to call more than once. */
  close(): void {
    if (this.#closed) return;
    this.#fail(new Error("thread pool is closed"));
  }

  #settle(reply: ReplyMessage): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    // A task that throws fails the run: the other threads' tasks are rejected with its error too.
    else this.#fail(Object.assign(new Error(reply.message), {name: reply.name}), pending);
  }

  /** Rejects every pending task with `error` and shuts the pool: one failed thread fails the whole run. */
  #fail(error: unknown, first?: Pending): void {
    if (!this.#closed) {
      this.#closed = true;
      this.#failure = error;
      this.#signal?.removeEventListener("abort", this.#onAbort);
      for (const port of this.#ports) port.terminate();
      live -= this.#ports.length;
    }
    const pending = [...(first ? [first] : []), ...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(error);
  }
}
