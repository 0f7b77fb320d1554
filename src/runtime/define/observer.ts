import type {CellError} from "../cell-error.ts";
import type {CompiledCell} from "../compile/types.ts";

/** Receives one cell's state as the runtime computes it. */
export interface CellObserver {
  /** The cell started computing (its inputs changed or it was (re)defined). */
  pending(): void;
  /** The cell's value (for `viewof x`, the view element). */
  fulfilled(value: unknown): void;
  rejected(error: CellError): void;
  /** For `viewof x`: each value of `x`, the view's current value. */
  viewValue?(value: unknown): void;
  /** Progress of a long computation (a worker run), fraction in [0, 1]. */
  progress?(fraction: number, stage?: string): void;
  /**
   * A value the cell displayed (`display(x)`, `view(input)`), in order; a run's displays give way to the next
   * run's when the cell is pending again.
   */
  displayed?(value: unknown): void;
  /**
   * Resolves when the cell's place is on screen (`visibility()`); left out where nothing is shown, and then the
   * cell is as good as visible. `invalidation` resolves when the run that asks is over: stop watching then.
   */
  visible?(invalidation: Promise<void>): Promise<void>;
  /** A JavaScript cell's outputs as its run declared them (before the cell's fulfilled value). */
  outputs?(values: Readonly<Record<string, unknown>>): void;
  /**
   * A JavaScript cell's output `name` as the other cells read it: what the runtime made of the declared value
   * (the current value of a `view()` or a `Mutable()`, which are generators) or the value it was set to.
   */
  outputValue?(name: string, value: unknown): void;
  /** The cell's source changed; it is about to recompute under its new definition. */
  redefined?(cell: CompiledCell): void;
  /** The cell kept its source (and state) but its place or attributes in the file changed. */
  moved?(cell: CompiledCell): void;
  /** The cell left the notebook. */
  removed?(): void;
}

/** Where cells are shown: the page in the browser, the report in the headless runner. */
export interface NotebookHost {
  observe(cell: CompiledCell): CellObserver;
  /** Called after each definition or update with the cells' observers in notebook order. */
  order?(observers: readonly CellObserver[]): void;
}
