import type {CellPlan} from "./cell-plan.ts";
import type {Definition} from "./types.ts";

// What a built page imports its cells from: the module `build` writes (compile/ahead.ts), whose definitions are
// real functions, so that the page evaluates no code (no `new Function`, no eval) to run its cells.

/** A cell's plan as the build wrote it: its code is a function of the module, by index. */
export interface BuiltPlan extends Omit<CellPlan, "code"> {
  /** Index of the cell's definition in BuiltCells.definitions; absent when the cell did not compile. */
  readonly code?: number;
}

/** The exports of a built page's compiled cells module. */
export interface BuiltCells {
  /** The module's own URL (import.meta.url), which stack frames in its functions name. */
  readonly url: string;
  /** The cells' definition functions, in the order of their plans. */
  readonly definitions: readonly Definition[];
  /** The build-time line table: `[first, last]` line of `definitions[k]` in the module, 1-based. */
  readonly lines: readonly (readonly [number, number])[];
  readonly plans: readonly BuiltPlan[];
}
