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
