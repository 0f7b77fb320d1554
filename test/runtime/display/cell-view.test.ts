import assert from "node:assert/strict";
import {test} from "node:test";
import {CellError} from "../../../src/runtime/cell-error.ts";
import {compileCells} from "../../../src/runtime/compile/compile-cell.ts";
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
