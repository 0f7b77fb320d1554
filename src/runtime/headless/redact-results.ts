import {isPasswordView, secretsOfView} from "../secrets/password-view.ts";
import {REDACTED, redact} from "../secrets/redact.ts";
import type {CellReport} from "./recorder.ts";
import type {JsonValue} from "./summarize.ts";

/** What the runner reports of a cell, as far as redaction goes. */
interface Reported {
  value: JsonValue;
  error?: string;
  warnings?: string[];
}

/**
 * The values of the notebook's password inputs (as typed, or as `--set` gave them): the runner's secrets.
 * Only `viewof` cells and what cells displayed are searched, so that this stays cheap when run on every
 * change of a large notebook.
 */
export function secretsOf(reports: readonly CellReport[]): string[] {
  return reports.flatMap((report) => [
    ...(isView(report) ? secretsOfView(report.value, report.viewValue) : []),
    // A JavaScript cell's `view(Inputs.password(…))` shows the input among its displays.
    ...report.displayed.flatMap((shown) => secretsOfView(shown))
  ]);
}

/**
 * A cell's result with the secrets taken out, before anything prints or writes it: a password view's value
 * is replaced whole; any other value, the error text and the warnings lose every one of `secrets` (so a cell
 * that echoes a key is caught however it got it) and anything shaped like a key.
 */
export function redactResult<T extends Reported>(
  result: T,
  report: CellReport,
  secrets: readonly string[]
): T {
  const secret =
    result.value !== null &&
    ((isView(report) && isPasswordView(report.value)) || report.displayed.some(isPasswordView));
  const value = secret ? REDACTED : redactJson(result.value, secrets);
  const redacted: T = {...result, value};
  if (result.error !== undefined) redacted.error = redact(result.error, secrets);
  if (result.warnings !== undefined) redacted.warnings = result.warnings.map((w) => redact(w, secrets));
  return redacted;
}

function isView(report: CellReport): boolean {
  return report.compiled.name?.startsWith("viewof ") === true;
}

function redactJson(json: JsonValue, secrets: readonly string[]): JsonValue {
  if (typeof json === "string") return redact(json, secrets);
  if (json === null || typeof json !== "object") return json;
  if (Array.isArray(json)) return json.map((item) => redactJson(item, secrets));
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) => [redact(key, secrets), redactJson(value, secrets)])
  );
}
