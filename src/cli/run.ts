import {stat, writeFile} from "node:fs/promises";
import {dirname, resolve} from "node:path";
import {parseArgs} from "node:util";
import {formatLine, type CellResult} from "../runtime/headless/cell-result.ts";
import {runNotebookThread} from "../runtime/headless/run-thread.ts";
import {redact} from "../runtime/secrets/redact.ts";
import {nodePlugin} from "../bindings/index.ts";
import {checkNotebookContent} from "./notebook-file.ts";
import {UsageError} from "./usage-error.ts";

export type {CellResult} from "../runtime/headless/cell-result.ts";

/**
 * `phoenix-notebook run NOTEBOOK [--set name=value]… [--json FILE] [--timeout SECONDS]`: 0 when every cell
 * fulfilled, 1 when one failed or did not settle in time. The notebook runs in a worker thread, so the
 * deadline holds even against a cell that never yields, and the command ends as soon as the run does.
 */
export async function run(args: string[]): Promise<number> {
  const {notebookFile, set, jsonFile, timeoutSeconds} = parseRunArgs(args);
  await checkNotebookFile(notebookFile);
  if (jsonFile !== undefined) await checkJsonTarget(jsonFile, notebookFile);
  const outcome = await runNotebookThread(
    {file: notebookFile, set, plugins: [nodePlugin.href]},
    {timeoutMs: timeoutSeconds * 1000, onProgress: progressPrinter()}
  );
  switch (outcome.kind) {
    case "usage":
      throw new UsageError(outcome.message);
    case "format":
      console.error(`phoenix-notebook: ${outcome.message}`);
      return 1;
    case "not-opened":
      console.error(`phoenix-notebook: ${notebookFile} did not open within ${outcome.ms / 1000} s`);
      return 1;
  }
  const {results, uncaught} = outcome;
  for (const result of results) console.log(formatLine(result));
  for (const text of uncaught) console.log(`✗ ${text}`);
  const failed = results.filter((r) => r.status === "rejected").length;
  // The cells' own states decide, not how the run ended: the deadline may pass (or the thread be taken by work
  // a cell left) after every cell settled, before the thread could say so.
  const pending = results.filter((r) => r.status === "pending").length;
  const why =
    pending === 0 && outcome.kind !== "crashed"
      ? ""
      : {
          ran: `, ${pending} unsettled after ${timeoutSeconds} s`,
          stalled: `, ${pending} unsettled: they wait on something that nothing left running will do`,
          // The thread's own words: no password is known here, but key-like text is taken out.
          crashed: `, ${pending} unsettled: the run stopped (${outcome.kind === "crashed" ? redact(outcome.message) : ""})`
        }[outcome.kind];
  const errors = uncaught.length === 0 ? "" : `; ${count(uncaught.length, "uncaught error")}`;
  console.log(
    `\n${results.length} cells: ${results.length - failed - pending} fulfilled, ${failed} rejected${why}${errors}`
  );
  if (
    jsonFile !== undefined &&
    !(await writeReport(jsonFile, {notebook: notebookFile, cells: results, uncaught}))
  )
    return 1;
  return failed === 0 && pending === 0 && uncaught.length === 0 && outcome.kind !== "crashed" ? 0 : 1;
}

async function checkNotebookFile(file: string): Promise<void> {
  const stats = await stat(file).catch(() => undefined);
  if (!stats) throw new UsageError(`no such notebook: ${file}`);
  if (stats.isDirectory()) throw new UsageError(`${file} is a directory, not a notebook file`);
  // A FIFO or a device would block the read forever (or never end): only a regular file is a notebook.
  if (!stats.isFile()) throw new UsageError(`${file} is not a regular file`);
  await checkNotebookContent(file);
}

// Checked before the run, so that a mistyped path does not cost the whole run's time.
async function checkJsonTarget(file: string, notebookFile: string): Promise<void> {
  const directory = dirname(resolve(file));
  const stats = await stat(directory).catch(() => undefined);
  if (!stats?.isDirectory()) throw new UsageError(`--json: no such directory: ${dirname(file)}`);
  const [target, notebook] = await Promise.all(
    [file, notebookFile].map((f) => stat(f).catch(() => undefined))
  );
  if (target?.isDirectory()) throw new UsageError(`--json: ${file} is a directory`);
  // The same file under any name (a link included): the report would replace the notebook.
  if (target && notebook && target.dev === notebook.dev && target.ino === notebook.ino)
    throw new UsageError(`--json: ${file} is the notebook itself; name another file for the report`);
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** The --json report: the notebook's path, every cell's result, and the errors no cell caught. */
interface Report {
  notebook: string;
  cells: CellResult[];
  uncaught: string[];
}

async function writeReport(file: string, report: Report): Promise<boolean> {
  try {
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    return true;
  } catch (error) {
    console.error(`phoenix-notebook: --json: cannot write ${file}: ${(error as Error).message}`);
    return false;
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

// Progress goes to stderr, at most one line per cell and stage every half second, so a log stays readable.
function progressPrinter() {
  const last = new Map<string, number>();
  return (label: string, fraction: number, stage?: string) => {
    const key = `${label}:${stage ?? ""}`;
    const now = Date.now();
    if (fraction < 1 && now - (last.get(key) ?? 0) < 500) return;
    last.set(key, now);
    console.error(`${label}: ${stage ? `${stage} ` : ""}${Math.round(fraction * 100)}%`);
  };
}
