/**
 * The warnings a value carries, by convention: its own `warnings` data property, when that is a non-empty
 * array of strings (a dataset's duplicate prediction ids, a projection's truncated nNeighbors). The runtime
 * knows nothing of what made the value; any cell's value may follow the convention. A getter is not run
 * (showing a value must not run its code), and a value that throws when looked at (a revoked proxy) has none.
 */
export function warningsOf(value: unknown): readonly string[] {
  if (typeof value !== "object" || value === null) return [];
  try {
    const warnings: unknown = Object.getOwnPropertyDescriptor(value, "warnings")?.value;
    if (!Array.isArray(warnings)) return [];
    const copy: unknown[] = Array.from(warnings);
    return copy.every((warning) => typeof warning === "string") ? (copy as string[]) : [];
  } catch {
    return [];
  }
}

/**
 * A cell's warnings: its value's, then, for a JavaScript cell, each output's (as the other cells read it),
 * the output's name before each when the cell has more than one. A `viewof` cell's value is its view: the
 * value the view holds is another cell's (`x`), and its warnings are not the view's.
 */
export function cellWarnings(value: unknown, outputs: Readonly<Record<string, unknown>> = {}): string[] {
  const names = Object.keys(outputs);
  return [
    ...warningsOf(value),
    ...names.flatMap((name) =>
      warningsOf(outputs[name]).map((warning) => (names.length > 1 ? `${name}: ${warning}` : warning))
    )
  ];
}

/** How many warnings a cell lists (in the page, in `run`'s lines) before "and N more". */
export const LISTED_WARNINGS = 5;

/** The warnings to list, and how many more there are. */
export function listedWarnings(warnings: readonly string[]): {shown: string[]; more: number} {
  return {shown: warnings.slice(0, LISTED_WARNINGS), more: Math.max(0, warnings.length - LISTED_WARNINGS)};
}
