import type {Variable} from "@observablehq/runtime";
import type {CellError} from "../cell-error.ts";
import {isModuleResult} from "../compile/module-result.ts";
import type {CompiledCell, VariableRole, VariableSpec} from "../compile/types.ts";
import {relaysOwnFailure, toCellError} from "./cell-errors.ts";
import type {CellObserver} from "./observer.ts";

/** What NotebookRuntime keeps of a cell: its compiled form, its observer and its runtime variables. */
export interface CellRecord {
  compiled: CompiledCell;
  readonly observer: CellObserver;
  variables: Variable[];
  /** The last error of a hidden variable, which the cell's main variable only relays. */
  hiddenError?: CellError;
  /**
   * Counts the times the cell's variables were released. A deleted variable still settles once (the runtime
   * redefines it as an anonymous no-op, which fulfills with undefined); its observer must not pass that on,
   * or a cell redefined into a syntax error could show as fulfilled with `undefined` after its error.
   */
  generation: number;
}

/**
 * The runtime's observer of one variable of a cell: passes what the variable computes on to the cell's
 * observer, by the variable's role, while the variable is the cell's current one. A class, not closures: a
 * page defines one per variable as it opens, and its methods are shared.
 */
export class VariableObserver {
  readonly #record: CellRecord;
  readonly #role: VariableRole;
  readonly #name: string | null;
  readonly #generation: number;
  readonly #definers: (name: string) => readonly CompiledCell[];

  constructor(
    record: CellRecord,
    {role, name}: Pick<VariableSpec, "role" | "name">,
    definers: (name: string) => readonly CompiledCell[]
  ) {
    this.#record = record;
    this.#role = role;
    this.#name = name;
    this.#generation = record.generation;
    this.#definers = definers;
  }

  pending(): void {
    if (this.#role === "main" && this.#live()) this.#record.observer.pending();
  }

  fulfilled(value: unknown): void {
    if (!this.#live()) return;
    const {observer} = this.#record;
    if (this.#role === "view-value") observer.viewValue?.(value);
    if (this.#role === "output" && this.#name !== null) observer.outputValue?.(this.#name, value);
    if (this.#role !== "main") return;
    // A JavaScript cell's run resolves to its outputs and, for an expression, the value to show.
    if (!isModuleResult(value)) return observer.fulfilled(value);
    observer.outputs?.(value.outputs);
    observer.fulfilled(value.value);
  }

  rejected(error: unknown): void {
    if (!this.#live()) return;
    const record = this.#record;
    const {compiled, observer} = record;
    if (relaysOwnFailure(compiled, error)) {
      if (this.#role === "main" && record.hiddenError) observer.rejected(record.hiddenError);
      return;
    }
    const cellError = toCellError(compiled, error, this.#definers);
    if (this.#role === "hidden") record.hiddenError = cellError;
    observer.rejected(cellError);
  }

  #live(): boolean {
    return this.#record.generation === this.#generation;
  }
}
