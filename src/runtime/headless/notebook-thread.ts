// The runner's notebook thread (a worker_threads entry): opens the notebook, applies `--set`, and posts every
// change of a cell's report to the parent as it happens. The parent owns the deadline and terminates this
// thread when it passes, or once every cell has settled, so neither a cell that never yields nor a timer a
// cell left behind can keep the run alive.
import {parentPort, workerData} from "node:worker_threads";
import {NotebookFormatError} from "../notebook/errors.ts";
import type {NotebookPlugin} from "../plugin.ts";
import {reportedResult} from "./cell-result.ts";
import {openNotebook} from "./open-notebook.ts";
import {redactResult, secretsOf} from "./redact-results.ts";
import type {CellReport} from "./recorder.ts";
import type {NotebookThreadInput, NotebookThreadMessage} from "./thread-protocol.ts";
import {trackDueTimers} from "./due-timers.ts";
import {answerStop} from "./thread-stop.ts";
import {describeUncaught, type UncaughtKind} from "../uncaught.ts";

const port = parentPort;
if (port === null) throw new Error("notebook-thread.ts runs only in a worker thread");
const post = (message: NotebookThreadMessage) => port.postMessage(message);
answerStop(port);
const {file, set, plugins} = workerData as NotebookThreadInput;
const letDueTimersFire = trackDueTimers();
// Once every cell has settled, the timers the cells set that are due this soon still fire within the run.
const DUE_TIMERS_MS = 1000;

let headless;
try {
  const loaded = await Promise.all(
    plugins.map(async (url) => ((await import(url)) as {default: NotebookPlugin}).default)
  );
  // In notebook order, so that a cell that takes this thread for good does so after the cells above it.
  headless = await openNotebook(file, loaded, {inNotebookOrder: true});
} catch (error) {
  if (!(error instanceof NotebookFormatError)) throw error;
  post({type: "format", message: error.message});
}
if (headless) {
  const {runtime, recorder} = headless;
  const ids = new WeakMap<CellReport, number>();
  let nextId = 0;
  const idOf = (report: CellReport) => {
    let id = ids.get(report);
    if (id === undefined) ids.set(report, (id = nextId++));
    return id;
  };
  const postReport = (report: CellReport) =>
    post({
      type: "cell",
      id: idOf(report),
      // Redacted here, before the report leaves the thread: nothing the parent prints or writes holds a secret.
      result: redactResult(reportedResult(report), report, secretsOf(recorder.reports)),
      order: recorder.reports.map(idOf)
    });
  // An error that escapes every cell's computation (a timer's callback, a promise nobody awaited) is told to
  // the parent, and the run goes on: by default it would end the thread, and the cells still running with it.
  const uncaught = (kind: UncaughtKind) => (error: unknown) =>
    post({
      type: "uncaught",
      text: describeUncaught(
        kind,
        error,
        recorder.reports.map((report) => report.compiled),
        secretsOf(recorder.reports)
      )
    });
  process.on("uncaughtException", uncaught("error"));
  process.on("unhandledRejection", uncaught("rejection"));
  recorder.onChange = postReport;
  recorder.onProgress = (cell, fraction, stage) =>
    post({type: "progress", label: cell.name ?? `line ${cell.cell.line}`, fraction, stage});
  // Every cell as it stands before anything runs, so that a cell that blocks this thread at once is still
  // reported (as unsettled) when the parent gives up on it.
  for (const report of recorder.reports) postReport(report);
  post({type: "opened"});
  const unknown = set.find(([name, value]) => !runtime.setValue(name, value));
  if (unknown) {
    const names = runtime.cells.flatMap((cell) =>
      cell.defines.filter((n) => !/^(initial|mutable|viewof|module) /.test(n))
    );
    post({
      type: "usage",
      message: `--set ${unknown[0]}: no cell defines "${unknown[0]}" (cells: ${names.join(", ") || "none"})`
    });
  } else {
    // A timer let fire may set a cell computing again (a Mutable it assigns): then wait for that one too.
    do {
      await recorder.whenSettled();
      await letDueTimersFire(DUE_TIMERS_MS);
    } while (!recorder.settled);
    post({type: "settled"});
  }
}
