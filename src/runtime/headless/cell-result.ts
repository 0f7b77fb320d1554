import type {CellReport} from "./recorder.ts";
import {describeJson, toJson, type JsonValue} from "./summarize.ts";

/** One cell as the runner reports it (a line on stdout, an entry in `--json`): plain JSON. */
export interface CellResult {
  name: string | null;
  status: "fulfilled" | "rejected" | "pending";
  value: JsonValue;
  error?: string;
}

/** A cell's report as plain JSON: its value summarized, its error described. */
export function toResult(report: CellReport): CellResult {
  const {compiled, status, error} = report;
  const value = compiled.name?.startsWith("viewof ")
    ? report.viewValue
    : report.value === undefined && report.displayed.length > 0
      ? shown(report.displayed)
      : report.value === undefined && report.outputs
        ? declared(report.outputs, report.outputValues)
        : report.value;
  const result: CellResult = {
    name: compiled.name,
    status,
    value: status === "fulfilled" ? toJson(value) : null
  };
  if (error) result.error = error.describe();
  return result;
}

// What a cell displayed stands for its value when it has none of its own (a JavaScript cell that is no
// expression): the one value, or all of them.
function shown(displayed: readonly unknown[]): unknown {
  return displayed.length === 1 ? displayed[0] : displayed;
}

// A JavaScript cell that shows nothing stands for its outputs: the one, or all of them by name. Each as the
// other cells read it where it has been computed: a Mutable() is declared as a generator of its value.
function declared(
  outputs: Readonly<Record<string, unknown>>,
  computed: Readonly<Record<string, unknown>> = {}
): unknown {
  const names = Object.keys(outputs);
  const valueOf = (name: string) => (name in computed ? computed[name] : outputs[name]);
  if (names.length === 1) return valueOf(names[0]!);
  return names.length ? Object.fromEntries(names.map((name) => [name, valueOf(name)])) : undefined;
}

const marks = {fulfilled: "✓", rejected: "✗", pending: "…"} as const;

/** The runner's line for one cell. */
export function formatLine({name, status, value, error}: CellResult): string {
  const label = name ?? "(anonymous)";
  const detail =
    status === "fulfilled" ? describeJson(value) : status === "rejected" ? error : "did not settle";
  return `${marks[status]} ${label.padEnd(20)} ${detail}`;
}
