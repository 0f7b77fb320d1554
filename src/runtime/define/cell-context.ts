/** What a cell-scoped builtin learns about the cell that uses it. */
export interface CellContext {
  /** The cell's name (`x` for `x = …`, `viewof x` for a view), or null for an anonymous cell. */
  readonly name: string | null;
  /** Resolves when the cell is invalidated: its inputs changed, it was redefined or the notebook closed. */
  readonly invalidation: Promise<void>;
  /** Reports progress of the cell's current run; shown in the cell's place (browser) or on stderr (runner). */
  progress(fraction: number, stage?: string): void;
  /** Shows a value in the cell's place, after what the run displayed before (`display()`, `view()`). */
  display(value: unknown): void;
}

/**
 * A builtin whose value depends on the cell that references it (e.g. `worker`, tied to that cell's
 * invalidation). The runtime calls `create` once per evaluation of each referencing cell.
 */
export interface CellScoped<T> {
  readonly cellScoped: (context: CellContext) => T;
}

export function cellScoped<T>(create: (context: CellContext) => T): CellScoped<T> {
  return {cellScoped: create};
}

export function isCellScoped(value: unknown): value is CellScoped<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CellScoped<unknown>).cellScoped === "function"
  );
}
