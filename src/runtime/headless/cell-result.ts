import {outputsAsRead} from "../compile/module-result.ts";
import {errorText} from "../error-text.ts";
import {cellWarnings, listedWarnings} from "../value-warnings.ts";
import type {CellReport} from "./recorder.ts";
import {describeJson, toJson, type JsonValue} from "./summarize.ts";

/** One cell as the runner reports it (a line on stdout, an entry in `--json`): plain JSON. */
export interface CellResult {
  name: string | null;
  status: "fulfilled" | "rejected" | "pending";
  value: JsonValue;
  error?: string;
  /**
   * The warnings the cell's own value carries (an own `warnings` array of strings: a dataset's duplicate
   * prediction ids…), a JavaScript cell's outputs' too; left out when there are none.
   */
  warnings?: string[];
}

/** A cell's report as plain JSON: its value summarized, its error described. */
export function toResult(report: CellReport): CellResult {
  const {compiled, status, error} = report;
  const outputs = report.outputs && outputsAsRead(report.outputs, report.outputValues);
  const value = compiled.name?.startsWith("viewof ")
    ? report.viewValue
    : report.value === undefined && report.displayed.length > 0
      ? shown(report.displayed)
      : report.value === undefined && outputs
        ? declared(outputs)
        : report.value;
  const result: CellResult = {
    name: compiled.name,
    status,
    value: status === "fulfilled" ? toJson(value) : null
  };
  if (error) result.error = error.describe();
  const warnings = status === "fulfilled" ? cellWarnings(report.value, outputs) : [];
  if (warnings.length) result.warnings = warnings;
  return result;
}

/**
 * toResult, which never throws: the cell's status stands whatever its value does when read (a throw here
 * would leave the cell reported as never settling, and surface as an unhandled rejection).
 */
export function reportedResult(report: CellReport): CellResult {
  try {
    return toResult(report);
  } catch (error) {
    const {compiled, status} = report;
    const note = `could not be summarized: ${errorText(error)}`;
    const result: CellResult = {name: compiled.name, status, value: status === "fulfilled" ? {note} : null};
    if (report.error) result.error = report.error.describe();
    return result;
  }
}

// What a cell displayed stands for its value when it has none of its own (a JavaScript cell that is no
// expression): the one value, or all of them.
function shown(displayed: readonly unknown[]): unknown {
  return displayed.length === 1 ? displayed[0] : displayed;
}

// A JavaScript cell that shows nothing stands for its outputs (as the other cells read them): the one, or all
// of them by name.
function declared(outputs: Readonly<Record<string, unknown>>): unknown {
  const names = Object.keys(outputs);
  if (names.length === 1) return outputs[names[0]!];
  return names.length ? outputs : undefined;
}

const marks = {fulfilled: "✓", rejected: "✗", pending: "…"} as const;

/** The runner's line for one cell, and a line under it for each of its warnings (the first few). */
export function formatLine({name, status, value, error, warnings = []}: CellResult): string {
  const label = name ?? "(anonymous)";
  const detail =
    status === "fulfilled" ? describeJson(value) : status === "rejected" ? error : "did not settle";
  const {shown, more} = listedWarnings(warnings);
  const notes = more ? [...shown, `and ${more} more`] : shown;
  return [`${marks[status]} ${label.padEnd(20)} ${detail}`, ...notes.map((note) => `  ⚠ ${note}`)].join("\n");
}
