import nodePlugin from "../../src/bindings/node.ts";
import {defineHeadless, type HeadlessNotebook} from "../../src/runtime/headless/open-notebook.ts";
import {CellId, type Cell, type CellMode, type Notebook} from "../../src/runtime/notebook/types.ts";

/**
 * A notebook from cell sources (`md:`, `html:`, `tex:` and `dot:` prefixes pick the mode), one source line per
 * cell line.
 */
export function notebookOf(...sources: string[]): Notebook {
  let line = 1;
  const cells = sources.map((text, i): Cell => {
    const match = /^(md|html|tex|dot):/.exec(text);
    const mode: CellMode = match ? (match[1] as CellMode) : "ojs";
    const source = match ? text.slice(match[0].length) : text;
    const cell = {id: CellId.create(i + 1), mode, source, pinned: false, line};
    line += source.split("\n").length;
    return cell;
  });
  return {title: "test", cells};
}

/** Runs cells headless (a fresh runtime each time) and waits until every cell has settled (at most 60 s). */
export async function evaluate(
  ...sources: string[]
): Promise<HeadlessNotebook & {valueof(name: string): unknown}> {
  const headless = defineHeadless(notebookOf(...sources), "/tmp/test-notebook.html", [nodePlugin]);
  // Generous: a cell that runs in a worker starts a thread, which takes seconds on a loaded machine. A
  // notebook that does not settle in time fails here, naming its pending cells, instead of in an assertion.
  if (!(await headless.recorder.whenSettled(60_000))) {
    const pending = headless.recorder.reports.filter((r) => r.status === "pending");
    throw new Error(`cells still pending after 60 s: ${pending.map((r) => r.compiled.name).join(", ")}`);
  }
  return {...headless, valueof: (name) => valueof(headless, name)};
}

/** A cell's state as plain data: its value, or `{error: "kind: message"}`; a view gives its current value. */
export function valueof({recorder}: HeadlessNotebook, name: string): unknown {
  const report = recorder.report(name);
  if (!report) throw new Error(`no cell named ${name}`);
  if (report.status === "rejected") return {error: `${report.error!.kind}: ${report.error!.message}`};
  if (report.status === "pending") return {pending: true};
  return report.compiled.name?.startsWith("viewof ") ? report.viewValue : report.value;
}
