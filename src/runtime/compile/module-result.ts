/** Marks what a JavaScript cell's definition returns: its outputs, and its value when it is an expression. */
export const MODULE_RESULT = Symbol.for("phoenix-notebook.module-cell");

/** What a JavaScript cell's definition resolves to. */
export interface ModuleResult {
  readonly [MODULE_RESULT]: true;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly value?: unknown;
}

export function isModuleResult(value: unknown): value is ModuleResult {
  return (
    typeof value === "object" && value !== null && (value as Partial<ModuleResult>)[MODULE_RESULT] === true
  );
}

/**
 * A JavaScript cell's outputs as the other cells read them, by name, in declared order: the value computed
 * for each where there is one (a `view()`'s or a `Mutable()`'s current value, where `outputs` has its
 * generator; a `--set` value), else the declared value.
 */
export function outputsAsRead(
  outputs: Readonly<Record<string, unknown>>,
  computed: Readonly<Record<string, unknown>> = {}
): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(outputs).map((name) => [name, name in computed ? computed[name] : outputs[name]])
  );
}
