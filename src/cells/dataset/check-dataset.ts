import type {Dataset} from "./dataset.ts";

/**
 * Throws a TypeError naming `fn` and the argument unless `value` is a dataset made by px.load or px.fromTable
 * (or a window of one): `px.embeddingDrift: reference must be a dataset (px.load, px.fromTable), not
 * undefined`. Without it, a missing reference or an Arrow table passed for a dataset failed deep inside with
 * "Cannot read properties of undefined".
 */
export function checkDataset(fn: string, argument: string, value: unknown): asserts value is Dataset {
  if (isDataset(value)) return;
  const hint = isArrowTable(value) ? ": make one of an Arrow table with px.fromTable(table, name)" : "";
  throw new TypeError(
    `${fn}: ${argument} must be a dataset (px.load, px.fromTable), not ${describeValue(value)}${hint}`
  );
}

function isDataset(value: unknown): value is Dataset {
  if (typeof value !== "object" || value === null) return false;
  const dataset = value as Partial<Dataset>;
  return (
    dataset.timestamps instanceof Float64Array &&
    dataset.timeOrder instanceof Int32Array &&
    typeof dataset.schema === "object" &&
    typeof dataset.embeddings === "object" &&
    typeof dataset.table === "object"
  );
}

function isArrowTable(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    "schema" in value &&
    "numRows" in value &&
    "batches" in value
  );
}

/** A value in a few words for an error message: its kind, never its contents. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "string") return value.length <= 40 ? JSON.stringify(value) : "a string";
  if (typeof value !== "object") return typeof value === "number" ? String(value) : typeof value;
  if (isArrowTable(value)) return "an Arrow table";
  const kind = (value as object).constructor?.name;
  if (ArrayBuffer.isView(value)) return `a ${kind ?? "typed array"} of ${value.byteLength} bytes`;
  return kind && kind !== "Object" ? `a ${kind}` : "an object";
}

/**
 * Throws a TypeError naming `fn` and the option unless `value` is undefined or an array of strings
 * (`features: "age"` would otherwise be read letter by letter, or fail on `.map`).
 */
export function checkNames(
  fn: string,
  option: string,
  value: unknown
): asserts value is readonly string[] | undefined {
  if (value === undefined) return;
  if (Array.isArray(value) && value.every((name) => typeof name === "string")) return;
  throw new TypeError(`${fn}: ${option} must be an array of column names, not ${describeValue(value)}`);
}
