import {access, writeFile} from "node:fs/promises";
import {parseArgs} from "node:util";
import type {CellReport} from "../headless/recorder.ts";
import {openNotebook} from "../headless/open-notebook.ts";
import {redactResult, secretsOf} from "../headless/redact-results.ts";
import {describeJson, toJson, type JsonValue} from "../headless/summarize.ts";
import {NotebookFormatError} from "../notebook/errors.ts";
import {UsageError} from "./usage-error.ts";

/** One cell in the `--json` report. */
export interface CellResult {
  name: string | null;
  status: "fulfilled" | "rejected" | "pending";
  value: JsonValue;
  error?: string;
}

/** `phoenix-notebook run NOTEBOOK [--set name=value]… [--json FILE] [--timeout SECONDS]` */
export async function run(args: string[]): Promise<number> {
  const {notebookFile, set, jsonFile, timeoutSeconds} = parseRunArgs(args);
  try {
    await access(notebookFile);
  } catch {
    throw new UsageError(`no such notebook: ${notebookFile}`);
  }
  let headless;
  try {
    headless = await openNotebook(notebookFile);
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw error;
    console.error(`phoenix-notebook: ${error.message}`);
    return 1;
  }
  const {runtime, recorder} = headless;
  try {
    for (const [name, value] of set) {
      if (!runtime.setValue(name, value)) {
        const names = runtime.cells.flatMap((cell) =>
          cell.defines.filter((n) => !/^(initial|mutable|viewof) /.test(n))
        );
        throw new UsageError(
          `--set ${name}: no cell defines "${name}" (cells: ${names.join(", ") || "none"})`
        );
      }
    }
    recorder.onProgress = progressPrinter();
    const settled = await recorder.whenSettled(timeoutSeconds * 1000);
    const secrets = secretsOf(recorder.reports);
    const results = recorder.reports.map((report) => redactResult(toResult(report), report, secrets));
    for (const result of results) console.log(formatLine(result));
    const failed = results.filter((r) => r.status === "rejected").length;
    const pending = results.filter((r) => r.status === "pending").length;
    console.log(
      `\n${results.length} cells: ${results.length - failed - pending} fulfilled, ${failed} rejected` +
        (settled ? "" : `, ${pending} unsettled after ${timeoutSeconds} s`)
    );
    if (jsonFile !== undefined) {
      const report = {notebook: notebookFile, cells: results};
      await writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    }
    return failed === 0 && settled ? 0 : 1;
  } finally {
    runtime.dispose();
  }
}

function parseRunArgs(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {set: {type: "string", multiple: true}, json: {type: "string"}, timeout: {type: "string"}}
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const {positionals, values} = parsed;
  if (positionals.length !== 1) throw new UsageError("run takes exactly one notebook file");
  const timeoutSeconds = values.timeout === undefined ? 600 : Number(values.timeout);
  if (!(timeoutSeconds > 0))
    throw new UsageError(`--timeout: expected a positive number of seconds, not "${values.timeout}"`);
  const set = (values.set ?? []).map((assignment): [string, unknown] => {
    const equals = assignment.indexOf("=");
    if (equals <= 0) throw new UsageError(`--set ${assignment}: expected name=value`);
    return [assignment.slice(0, equals), parseValue(assignment.slice(equals + 1))];
  });
  return {notebookFile: positionals[0]!, set, jsonFile: values.json, timeoutSeconds};
}

/** A `--set` value: JSON when it parses as JSON, else the text itself. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toResult(report: CellReport): CellResult {
  const {compiled, status, error} = report;
  const value = compiled.name?.startsWith("viewof ") ? report.viewValue : report.value;
  const result: CellResult = {
    name: compiled.name,
    status,
    value: status === "fulfilled" ? toJson(value) : null
  };
  if (error) result.error = error.describe();
  return result;
}

const marks = {fulfilled: "✓", rejected: "✗", pending: "…"} as const;

function formatLine({name, status, value, error}: CellResult): string {
  const label = name ?? "(anonymous)";
  const detail =
    status === "fulfilled" ? describeJson(value) : status === "rejected" ? error : "did not settle";
  return `${marks[status]} ${label.padEnd(20)} ${detail}`;
}

// Progress goes to stderr, at most one line per cell and stage every half second, so a log stays readable.
function progressPrinter() {
  const last = new Map<string, number>();
  return (cell: {name: string | null; cell: {line: number}}, fraction: number, stage?: string) => {
    const key = `${cell.cell.line}:${stage ?? ""}`;
    const now = Date.now();
    if (fraction < 1 && now - (last.get(key) ?? 0) < 500) return;
    last.set(key, now);
    const label = cell.name ?? `line ${cell.cell.line}`;
    console.error(`${label}: ${stage ? `${stage} ` : ""}${Math.round(fraction * 100)}%`);
  };
}
