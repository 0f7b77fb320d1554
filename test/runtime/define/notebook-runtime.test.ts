import assert from "node:assert/strict";
import {test} from "node:test";
import {compileCells} from "../../../src/runtime/compile/compile-cell.ts";
import {NotebookRuntime} from "../../../src/runtime/define/notebook-runtime.ts";
import {NotebookRecorder} from "../../../src/runtime/headless/recorder.ts";
import {CellId} from "../../../src/runtime/notebook/types.ts";
import {evaluate, notebookOf, valueof} from "../../helpers/notebook.ts";

/** Resolves once `condition()` holds (checked every few milliseconds). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

test("NotebookRuntime computes cells in dependency order, whatever their order in the file", async () => {
  const notebook = await evaluate("c = b * 2", "b = a + 1", "a = 1");
  assert.deepEqual(["a", "b", "c"].map(notebook.valueof), [1, 2, 4]);
  notebook.runtime.dispose();
});

test("viewof exposes the input's value; an input event recomputes its dependents", async () => {
  const notebook = await evaluate("viewof n = Inputs.range([0, 10], {value: 3, step: 1})", "twice = n * 2");
  assert.equal(notebook.valueof("twice"), 6);
  const view = notebook.recorder.report("viewof n")!.value as HTMLElement & {value: number};
  view.value = 5;
  view.dispatchEvent(new Event("input", {bubbles: true}));
  await notebook.recorder.whenSettled(5000);
  assert.equal(notebook.valueof("twice"), 10);
  notebook.runtime.dispose();
});

test('setValue("viewof n", 3) sets the view\'s value, as setValue("n", 3) does (before: it replaced the view)', async () => {
  const notebook = await evaluate("viewof n = Inputs.range([0, 10], {value: 1, step: 1})", "twice = n * 2");
  assert.equal(notebook.runtime.setValue("viewof n", 3), true);
  await notebook.recorder.whenSettled(5000);
  assert.equal(notebook.valueof("twice"), 6);
  assert.equal(notebook.recorder.report("viewof n")!.status, "fulfilled");
  notebook.runtime.dispose();
});

test("mutable can be assigned by another cell, and its readers see the new value", async () => {
  const notebook = await evaluate(
    "mutable count = 1",
    "{ mutable count = 41; return 0; }",
    "next = count + 1"
  );
  assert.equal(notebook.valueof("next"), 42);
  notebook.runtime.dispose();
});

test("a generator cell yields values one after another", async () => {
  const notebook = await evaluate(
    "ticks = { for (let i = 0; i < 3; ++i) { yield i; await Promises.delay(5); } }"
  );
  await sleep(60);
  assert.equal(notebook.valueof("ticks"), 2);
  notebook.runtime.dispose();
});

test("an async cell's value is what it resolves to", async () => {
  const notebook = await evaluate("later = { await new Promise((r) => setTimeout(r, 10)); return 'done'; }");
  assert.equal(notebook.valueof("later"), "done");
  notebook.runtime.dispose();
});

test("invalidation resolves when a cell's input changes, and `this` is its previous value", async () => {
  const notebook = await evaluate(
    "viewof n = Inputs.range([0, 10], {value: 1, step: 1})",
    "history = [...(this ?? []), n]",
    "seen = { const seen = {invalidated: false, n}; invalidation.then(() => (seen.invalidated = true)); return seen; }"
  );
  const first = notebook.valueof("seen") as {invalidated: boolean};
  const view = notebook.recorder.report("viewof n")!.value as HTMLElement & {value: number};
  view.value = 2;
  view.dispatchEvent(new Event("input", {bubbles: true}));
  await notebook.recorder.whenSettled(5000);
  assert.equal(first.invalidated, true);
  assert.deepEqual(notebook.valueof("history"), [1, 2]);
  notebook.runtime.dispose();
});

test("a circular definition fails both cells and no other", async () => {
  const notebook = await evaluate("x = y", "y = x", "z = 1");
  assert.deepEqual(notebook.valueof("x"), {
    error: "circular: circular definition: this cell depends on itself"
  });
  assert.deepEqual(notebook.valueof("y"), {
    error: "circular: circular definition: this cell depends on itself"
  });
  assert.equal(notebook.valueof("z"), 1);
  notebook.runtime.dispose();
});

test("a name defined twice fails both definitions, naming their lines", async () => {
  const notebook = await evaluate("a = 1", "a = 2", "b = 3");
  const [first, second] = notebook.recorder.reports;
  assert.equal(first!.error?.describe(), "a (line 1): a is defined more than once (lines 1 and 2)");
  assert.equal(second!.error?.kind, "duplicate");
  assert.equal(notebook.valueof("b"), 3);
  notebook.runtime.dispose();
});

test("a syntax error stays in its cell; dependents wait on it and the rest runs", async () => {
  const notebook = await evaluate("bad = 1 +", "uses = bad * 2", "fine = 'ok'");
  assert.deepEqual(notebook.valueof("bad"), {error: "syntax: Unexpected end of input"});
  assert.deepEqual(notebook.valueof("uses"), {
    error: "input: waits on bad, which failed: Unexpected end of input"
  });
  assert.equal(notebook.valueof("fine"), "ok");
  notebook.runtime.dispose();
});

test("a thrown error names the line it was thrown from", async () => {
  const notebook = await evaluate("a = 1", "b = {\n  const x = a;\n  throw new RangeError('too big');\n}");
  assert.equal(notebook.recorder.report("b")!.error?.describe(), "b (line 4): too big");
  notebook.runtime.dispose();
});

test("a thrown object's message is the cell's error, as the page shows it (before: threw [object Object])", async () => {
  const notebook = await evaluate(
    'e1 = { throw {message: "quota exceeded", code: 429}; }',
    "e9 = { throw Object.create(null); }"
  );
  assert.equal(notebook.recorder.report("e1")!.error?.describe(), "e1 (line 1): quota exceeded");
  assert.equal(notebook.recorder.report("e9")!.error?.describe(), "e9 (line 2): threw {}");
  notebook.runtime.dispose();
});

test("a reference to an undefined name is that cell's error", async () => {
  const notebook = await evaluate("a = nothingHere + 1");
  assert.deepEqual(notebook.valueof("a"), {error: "undefined: nothingHere is not defined"});
  notebook.runtime.dispose();
});

test("update() redefines only changed cells; unchanged ones keep their state", async () => {
  const notebook = await evaluate(
    "viewof n = Inputs.range([0, 10], {value: 1, step: 1})",
    "twice = n * 2",
    "label = 'v1'",
    "shout = label.toUpperCase()"
  );
  const view = notebook.recorder.report("viewof n")!.value as HTMLElement & {value: number};
  view.value = 4;
  view.dispatchEvent(new Event("input", {bubbles: true}));
  await notebook.recorder.whenSettled(5000);
  const twiceSettles = notebook.recorder.report("twice")!.settles;
  const summary = notebook.runtime.update(
    notebookOf(
      "viewof n = Inputs.range([0, 10], {value: 1, step: 1})",
      "twice = n * 2",
      "label = 'v2'",
      "shout = label.toUpperCase()"
    )
  );
  await notebook.recorder.whenSettled(5000);
  assert.deepEqual(summary, {kept: 3, added: 0, redefined: 1, removed: 0});
  assert.equal(notebook.valueof("shout"), "V2");
  assert.equal(notebook.valueof("twice"), 8);
  assert.equal(notebook.recorder.report("twice")!.settles, twiceSettles);
  notebook.runtime.dispose();
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

test("update() keeps a moved cell's state, and its errors name its new line", async () => {
  const notebook = await evaluate("a = 1", "b = {\n  throw new Error('boom ' + a);\n}");
  assert.equal(notebook.recorder.report("b")!.error?.describe(), "b (line 3): boom 1");
  notebook.runtime.update(notebookOf("c = 2", "z = 3", "a = 1", "b = {\n  throw new Error('boom ' + a);\n}"));
  await notebook.recorder.whenSettled(5000);
  notebook.runtime.update(
    notebookOf("c = 2", "z = 3", "a = 10", "b = {\n  throw new Error('boom ' + a);\n}")
  );
  await notebook.recorder.whenSettled(5000);
  assert.equal(notebook.recorder.report("b")!.error?.describe(), "b (line 5): boom 10");
  notebook.runtime.dispose();
});

test("update() moves a kept cell's error with it, though the cell does not run again", async () => {
  const notebook = await evaluate("a = 1", "b = {\n  throw new Error('boom ' + a);\n}");
  assert.equal(notebook.recorder.report("b")!.error?.describe(), "b (line 3): boom 1");
  // Two cells of one line each above: b starts 2 lines lower, its source and its inputs unchanged.
  notebook.runtime.update(notebookOf("c = 2", "z = 3", "a = 1", "b = {\n  throw new Error('boom ' + a);\n}"));
  await notebook.recorder.whenSettled(5000);
  assert.equal(notebook.recorder.report("b")!.error?.describe(), "b (line 5): boom 1");
  notebook.runtime.dispose();
});

test("a cell downstream of a cycle or a duplicate waits on a failed input; it is neither itself", async () => {
  const notebook = await evaluate("a = b", "b = a", "c = a + 1", "x = 1", "x = 2", "y = x");
  assert.deepEqual(notebook.valueof("c"), {error: "input: waits on a, which failed: circular definition"});
  assert.deepEqual(notebook.valueof("y"), {
    error: "input: waits on x, which failed: x is defined more than once"
  });
  notebook.runtime.dispose();
});

test("a view or an arrow function that does not parse: readers wait on the view; the arrow defines nothing", async () => {
  const notebook = await evaluate("viewof x = Inputs.range([0, 1]", "y = x + 1", "f => f +", "f = 1");
  assert.match((notebook.valueof("y") as {error: string}).error, /^input: waits on x, which failed: /);
  assert.equal(notebook.valueof("f"), 1);
  notebook.runtime.dispose();
});

test("update() rebinds kept cells when a cell starts or stops shadowing a cell-scoped builtin", async () => {
  const notebook = await evaluate("worker = 1", "kind = typeof worker");
  assert.equal(notebook.valueof("kind"), "number");
  notebook.runtime.update(notebookOf("kind = typeof worker"));
  await notebook.recorder.whenSettled(5000);
  assert.equal(notebook.valueof("kind"), "object");
  notebook.runtime.dispose();
});

test("update() with a named cell whose syntax broke shows the syntax error in that cell, as a fresh load does", async () => {
  const notebook = await evaluate("x = 1", "y = x + 1");
  notebook.runtime.update(notebookOf("x = (1 +", "y = x + 1"));
  await notebook.recorder.whenSettled(5000);
  const fresh = await evaluate("x = (1 +", "y = x + 1");
  assert.deepEqual(notebook.valueof("x"), fresh.valueof("x"));
  assert.match((notebook.valueof("x") as {error: string}).error, /^syntax: /);
  assert.match((notebook.valueof("y") as {error: string}).error, /^input: waits on x, which failed: /);
  notebook.runtime.update(notebookOf("x = 2", "y = x + 1"));
  await notebook.recorder.whenSettled(5000);
  assert.equal(notebook.valueof("y"), 3);
  notebook.runtime.dispose();
  fresh.runtime.dispose();
});

test("interrupt() fires a running cell's invalidation, fails it and its dependents; rerun() runs it again", async () => {
  const recorder = new NotebookRecorder();
  const log: string[] = [];
  const runtime = new NotebookRuntime({builtins: {log: () => log}, host: recorder, compile: compileCells});
  runtime.update(
    notebookOf(
      "slow = { invalidation.then(() => log.push('invalidated')); log.push('run'); return new Promise(() => {}); }",
      "after = slow + 1",
      "other = 2"
    )
  );
  await until(() => log.length === 1);
  assert.equal(recorder.report("slow")?.status, "pending");
  assert.equal(runtime.interrupt(CellId.create(1)), true);
  assert.ok(await recorder.whenSettled(5000));
  const headless = {recorder, runtime, file: "", notebook: notebookOf()};
  assert.deepEqual(valueof(headless, "slow"), {
    error: "runtime: interrupted: run the cell again to restart it"
  });
  assert.match(String((valueof(headless, "after") as {error: string}).error), /interrupted/);
  assert.equal(valueof(headless, "other"), 2);
  assert.deepEqual(log, ["run", "invalidated"]);
  assert.equal(runtime.rerun(CellId.create(1)), true);
  await until(() => log.length === 3);
  assert.deepEqual(log, ["run", "invalidated", "run"]);
  assert.equal(recorder.report("slow")?.status, "pending");
  assert.equal(runtime.interrupt(CellId.create(9)), false);
  runtime.dispose();
});
