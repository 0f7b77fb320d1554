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
  /** Resolves when the cell's place is on screen; at once where cells are not shown (the runner). */
  visible(): Promise<void>;
}

/**
 * A builtin whose value depends on the cell that references it (e.g. `worker`, tied to that cell's
 * invalidation). The runtime calls `create` once per evaluation of each referencing cell, with what `load`
 * resolved to.
 */
export interface CellScoped<T, L = void> {
  readonly cellScoped: (context: CellContext, loaded: L) => T;
  /**
   * Loads what `cellScoped` needs (a library imported on first use), once, when a cell first references the
   * builtin; the cells wait for it, and fail naming the builtin if it rejects. Default: nothing to load.
   */
  readonly load?: () => Promise<L>;
}

export function cellScoped<T>(create: (context: CellContext) => T): CellScoped<T>;
export function cellScoped<T, L>(
  create: (context: CellContext, loaded: L) => T,
  load: () => Promise<L>
): CellScoped<T, L>;
export function cellScoped<T, L>(
  create: (context: CellContext, loaded: L) => T,
  load?: () => Promise<L>
): CellScoped<T, L> {
  return load ? {cellScoped: create, load} : {cellScoped: create};
}

export function isCellScoped(value: unknown): value is CellScoped<unknown, never> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as CellScoped<unknown, never>).cellScoped === "function"
  );
}
