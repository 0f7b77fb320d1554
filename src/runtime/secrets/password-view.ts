interface MaybeView {
  nodeName?: unknown;
  type?: unknown;
  value?: unknown;
  querySelector?: (selector: string) => unknown;
}

/**
 * Whether a cell's value is a view holding a password input (what `Inputs.password` makes): its value is a
 * secret. Duck-typed, so that it works on happy-dom's nodes in the runner as on the page's.
 */
export function isPasswordView(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const node = value as MaybeView;
  if (String(node.nodeName).toLowerCase() === "input" && node.type === "password") return true;
  return typeof node.querySelector === "function" && node.querySelector("input[type=password]") !== null;
}

/** The secrets of a password view: its own value, and `alsoValue` (what `--set` gave the view's name). */
export function secretsOfView(view: unknown, alsoValue?: unknown): string[] {
  if (!isPasswordView(view)) return [];
  return [(view as MaybeView).value, alsoValue].flatMap((value) =>
    typeof value === "string" || typeof value === "number" || typeof value === "bigint" ? [String(value)] : []
  );
}
