import assert from "node:assert/strict";
import {test} from "node:test";
import {cellScoped} from "../../../src/runtime/define/cell-context.ts";
import {compileCells} from "../../../src/runtime/compile/compile-cell.ts";
import {NotebookRuntime} from "../../../src/runtime/define/notebook-runtime.ts";
import {NotebookRecorder} from "../../../src/runtime/headless/recorder.ts";
import {notebookOf, valueof} from "../../helpers/notebook.ts";

/** Runs cells on `builtins` alone, and reads their values once they settled. */
async function run(builtins: Record<string, unknown>, ...sources: string[]) {
  const recorder = new NotebookRecorder();
  const runtime = new NotebookRuntime({builtins, host: recorder, compile: compileCells});
  runtime.update(notebookOf(...sources));
  assert.ok(await recorder.whenSettled(5000));
  runtime.dispose();
  return (name: string) => valueof({recorder, runtime, file: "", notebook: notebookOf()}, name);
}

/** A cell-scoped builtin that loads `lib`, counting its loads. */
function loading(lib: () => Promise<string>) {
  const counts = {loads: 0};
  const builtin = cellScoped(
    (context, loaded: string) => ({loaded, cell: context.name}),
    () => (++counts.loads, lib())
  );
  return {builtin, counts};
}

test("a cell-scoped builtin that loads is loaded once, when a cell first uses it; each cell gets its own", async () => {
  const {builtin, counts} = loading(async () => "lib");
  const value = await run({thing: builtin}, "a = thing.cell", "b = thing.cell", "c = thing.loaded");
  assert.deepEqual([value("a"), value("b"), value("c")], ["a", "b", "lib"]);
  assert.equal(counts.loads, 1);
});

test("a cell-scoped builtin that no cell uses, or that a cell shadows, is never loaded", async () => {
  const {builtin, counts} = loading(async () => "lib");
  const value = await run({thing: builtin}, "a = 1", "thing = 2", "b = thing + 1");
  assert.deepEqual([value("a"), value("b")], [1, 3]);
  assert.equal(counts.loads, 0);
});

test("a cell-scoped builtin whose load fails fails the cells that use it, naming the builtin", async () => {
  const {builtin} = loading(() => Promise.reject(new Error("no such module")));
  const value = await run({thing: builtin}, "a = thing.cell", "b = 1");
  assert.deepEqual(value("a"), {error: "input: waits on thing, which failed: no such module"});
  assert.equal(value("b"), 1);
});
