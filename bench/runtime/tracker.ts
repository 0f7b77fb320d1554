import type {Observer} from "@observablehq/runtime";

/**
 * Counts cells as they fulfill, the same way for every side: each side's observers call `fulfilled(index)`
 * with the cell's index in the graph, and `expect(indices)` resolves once each of them has fulfilled.
 * It keeps the latest values so that the sides can be compared, and the views found and changed.
 */
export class CellTracker {
  readonly values: unknown[] = [];
  #pending = new Set<number>();
  #settle: {resolve(): void; reject(error: Error): void} | null = null;
  #failure: Error | null = null;

  /** Resolves once every cell in `indices` has fulfilled from now on; rejects if any cell rejects first. */
  expect(indices: Iterable<number>, timeoutMs = 30_000): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    this.#pending = new Set(indices);
    return new Promise<void>((resolve, reject) => {
      // A hang would mean a side never computes a cell: say which ones instead of waiting forever.
      const timer = setTimeout(
        () => reject(new Error(`cells never fulfilled: ${[...this.#pending].slice(0, 10).join(", ")}`)),
        timeoutMs
      );
      const done = () => ((this.#settle = null), clearTimeout(timer));
      this.#settle = {resolve: () => (done(), resolve()), reject: (error) => (done(), reject(error))};
    });
  }

  fulfilled(index: number, value: unknown): void {
    this.values[index] = value;
    if (this.#pending.delete(index) && this.#pending.size === 0) this.#settle?.resolve();
  }

  rejected(index: number, error: unknown): void {
    // The generated cells never fail: a rejection is a bug in the bench, and its figures would be wrong.
    this.#failure = new Error(`cell ${index + 1} rejected`, {cause: error});
    this.#settle?.reject(this.#failure);
  }

  /**
   * The observer of a runtime variable wired by hand. The main variable of a cell reports it; the others (a
   * view's value) are observed too, as NotebookRuntime observes every variable, so that the runtime computes
   * the same set of variables on every side.
   */
  observer(index: number, main: boolean): Observer {
    const rejected = (error: unknown) => this.rejected(index, error);
    if (!main) return {fulfilled() {}, rejected};
    return {pending() {}, fulfilled: (value) => this.fulfilled(index, value), rejected};
  }
}
