import type {CellError} from "../cell-error.ts";
import type {CompiledCell} from "../compile/types.ts";
import type {CellObserver, NotebookHost} from "../define/observer.ts";

export type CellStatus = "pending" | "fulfilled" | "rejected";

/** The latest state of one cell, as the headless runner and the tests see it. */
export interface CellReport {
  compiled: CompiledCell;
  status: CellStatus;
  /** The cell's value (for `viewof x`, the view). */
  value?: unknown;
  /** For `viewof x`: the view's current value (the value of `x`). */
  viewValue?: unknown;
  error?: CellError;
  /** How many times the cell has settled (fulfilled or rejected). */
  settles: number;
  /** What the cell's current run displayed (`display()`, `view()`), in order. */
  displayed: unknown[];
  /** A JavaScript cell's outputs, as its last run declared them. */
  outputs?: Readonly<Record<string, unknown>>;
  /**
   * A JavaScript cell's outputs as the other cells read them, by name, as each was last computed: a `view()`'s
   * or a `Mutable()`'s current value where `outputs` has its generator, a `--set` value.
   */
  outputValues?: Readonly<Record<string, unknown>>;
}

/** A NotebookHost that keeps each cell's latest state and says when every cell has settled. */
export class NotebookRecorder implements NotebookHost {
  readonly #reports = new Map<CellObserver, CellReport>();
  #order: readonly CellObserver[] = [];
  #waiters = new Set<() => void>();
  /** Called with each progress report of a cell (the runner prints them on stderr). */
  onProgress?: (cell: CompiledCell, fraction: number, stage?: string) => void;
  /**
   * Called synchronously whenever a cell's report changes. Synchronously, because the next thing the thread
   * does may be a cell that never yields (the runner's thread posts each change to its parent at once).
   */
  onChange?: (report: CellReport) => void;

  /** Reports in notebook order. */
  get reports(): CellReport[] {
    return this.#order.flatMap((observer) => this.#reports.get(observer) ?? []);
  }

  /** The report of the cell named `name` (`x`, `viewof x`) or at line `name` when given a number. */
  report(name: string | number): CellReport | undefined {
    return this.reports.find((r) =>
      typeof name === "number"
        ? r.compiled.cell.line === name
        : r.compiled.name === name || r.compiled.defines.includes(name)
    );
  }

  observe(compiled: CompiledCell): CellObserver {
    const report: CellReport = {compiled, status: "pending", settles: 0, displayed: []};
    const change = (update: Partial<CellReport>) => {
      Object.assign(report, update);
      this.onChange?.(report);
      this.#notify();
    };
    const settle = (update: Partial<CellReport>) => change({...update, settles: report.settles + 1});
    const observer: CellObserver = {
      pending: () => change({status: "pending", displayed: []}),
      displayed: (value) => change({displayed: [...report.displayed, value]}),
      outputs: (outputs) => void (report.outputs = outputs),
      outputValue: (name, value) => change({outputValues: {...report.outputValues, [name]: value}}),
      fulfilled: (value) => settle({status: "fulfilled", value, error: undefined}),
      rejected: (error) => settle({status: "rejected", value: undefined, error}),
      viewValue: (viewValue) => change({viewValue}),
      progress: (fraction, stage) => this.onProgress?.(report.compiled, fraction, stage),
      redefined: (next) => change({compiled: next, status: "pending"}),
      moved: (next) => {
        // A kept cell does not run again: its error moves with it.
        report.error = report.error?.shifted(next.cell.line - report.compiled.cell.line);
        report.compiled = next;
      },
      removed: () => this.#reports.delete(observer)
    };
    this.#reports.set(observer, report);
    return observer;
  }

  order(observers: readonly CellObserver[]): void {
    this.#order = observers;
  }

  /** Whether no cell is pending. */
  get settled(): boolean {
    return this.reports.every((r) => r.status !== "pending");
  }

  /**
   * Resolves true once every cell has settled, or false after `timeoutMs`. The runtime schedules computation
   * a frame after a change, so this first lets a frame pass before it trusts "nothing is pending".
   */
  async whenSettled(timeoutMs = Infinity): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await nextFrame();
      await nextFrame();
      if (this.settled) return true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        // Capped at setTimeout's limit (past 2^31 − 1 ms Node fires at once and warns): the loop waits again.
        const timer = Number.isFinite(remaining)
          ? setTimeout(done, Math.min(remaining, 2 ** 31 - 1))
          : undefined;
        this.#waiters.add(done);
        function done() {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  }

  #notify(): void {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const resolve of waiters) resolve();
  }
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
