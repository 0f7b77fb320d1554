import assert from "node:assert/strict";
import {test} from "node:test";
import {CellError} from "../../../src/runtime/cell-error.ts";
import {compileCells} from "../../../src/runtime/compile/compile-cell.ts";
import {SecretViews} from "../../../src/runtime/secrets/secret-views.ts";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";
import {notebookOf} from "../../helpers/notebook.ts";

installHeadlessDom();
const {CellView} = await import("../../../src/runtime/display/cell-view.ts");

function cellView() {
  const [compiled] = compileCells(notebookOf("counted = worker.run('count')").cells);
  const view = new CellView(compiled!);
  const bar = view.element.querySelector<HTMLElement>(".phx-progress")!;
  return {view, bar, compiled: compiled!};
}

test("a cell's progress bar gives way to its error, and progress reported after the run ended is ignored", () => {
  const {view, bar, compiled} = cellView();
  view.pending();
  view.progress(0.5, "layout");
  assert.equal(bar.hidden, false);
  view.rejected(new CellError("runtime", "the task failed", compiled.name, compiled.cell.line));
  assert.equal(bar.hidden, true);
  // A progress message still in flight from the finished worker arrives after the cell failed.
  view.progress(0.9, "layout");
  assert.equal(bar.hidden, true, "a late progress report brought the bar back over the failed cell");
  assert.equal(view.element.dataset.status, "rejected");
});

test("after a fulfilled run too, a late progress report does not bring the bar back; the next run shows it", () => {
  const {view, bar} = cellView();
  view.pending();
  view.progress(0.3);
  view.fulfilled(12);
  view.progress(1);
  assert.equal(bar.hidden, true);
  view.pending();
  view.progress(0.2, "knn");
  assert.equal(bar.hidden, false);
});

test("a failed cell that moves in the file (lines added above it) shows its error at its new line", () => {
  const {view, compiled} = cellView();
  view.rejected(new CellError("runtime", "kaboom", compiled.name, compiled.cell.line + 1));
  assert.match(view.element.textContent ?? "", /counted \(line 2\): kaboom/);
  view.moved({...compiled, cell: {...compiled.cell, line: compiled.cell.line + 5}});
  assert.match(view.element.textContent ?? "", /counted \(line 7\): kaboom/);
  assert.doesNotMatch(view.element.textContent ?? "", /line 2\)/);
  assert.equal(view.element.dataset.status, "rejected");
});

const warningsOf = (view: {element: HTMLElement}) => {
  const note = view.element.querySelector<HTMLElement>(".phx-warnings");
  if (!note || note.hidden) return null;
  return {
    role: note.getAttribute("role"),
    lines: [...note.querySelectorAll("li")].map((li) => li.textContent)
  };
};

test("a value's own warnings show under its output, one line each, as text", () => {
  const {view} = cellView();
  view.fulfilled({warnings: ["<img src=x onerror=alert(1)>", "javascript:alert(2)"]});
  // Before: nothing showed; the warnings were only in the inspected object, collapsed.
  assert.deepEqual(warningsOf(view), {
    role: "status",
    lines: ["<img src=x onerror=alert(1)>", "javascript:alert(2)"]
  });
  assert.equal(view.element.querySelector(".phx-warnings img, .phx-warnings a"), null);
  const children = [...view.element.children].map((child) => child.className);
  assert.ok(children.indexOf("phx-warnings") > children.indexOf("phx-output"), "under the output");
});

test("a long list of warnings stops after five, with how many more; a value without any shows none", () => {
  const {view} = cellView();
  view.fulfilled({warnings: Array.from({length: 12}, (_, i) => `w${i + 1}`)});
  assert.deepEqual(warningsOf(view)?.lines, ["w1", "w2", "w3", "w4", "w5", "and 7 more"]);
  view.pending();
  view.fulfilled({warnings: []});
  assert.equal(warningsOf(view), null);
});

test("a cell that fails no longer shows the warnings of its last value", () => {
  const {view, compiled} = cellView();
  view.fulfilled({warnings: ["stale"]});
  view.pending();
  view.rejected(new CellError("runtime", "kaboom", compiled.name, compiled.cell.line));
  assert.equal(warningsOf(view), null);
});

test("a JavaScript cell shows its outputs' warnings, named when it has several, once each is computed", () => {
  const [compiled] = compileCells([
    {...notebookOf("x").cells[0]!, mode: "js", source: "const a = load(), n = 1;"}
  ]);
  const view = new CellView(compiled!);
  view.outputs({a: Promise.resolve(), n: 1});
  view.fulfilled(undefined);
  assert.equal(warningsOf(view), null, "a declared promise has no warnings yet");
  view.outputValue("a", {warnings: ["duplicate ids"]});
  assert.deepEqual(warningsOf(view)?.lines, ["a: duplicate ids"]);
});

test("a warning shows no password input's value", () => {
  const secrets = new SecretViews();
  const input = Object.assign(document.createElement("input"), {
    type: "password",
    value: "typed-key-4242-abcd"
  });
  secrets.note({}, input);
  const [compiled] = compileCells(notebookOf("warned = check(key)").cells);
  const view = new CellView(compiled!, undefined, secrets);
  view.fulfilled({warnings: ["401 for typed-key-4242-abcd", "kept"]});
  assert.deepEqual(warningsOf(view)?.lines, ["401 for [redacted]", "kept"]);
});
