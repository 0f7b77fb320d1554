import assert from "node:assert/strict";
import {execFile} from "node:child_process";
import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {test} from "node:test";
import {promisify} from "node:util";
import {compiledCellsModule} from "../../../src/runtime/compile/ahead.ts";
import type {BuiltCells} from "../../../src/runtime/compile/built-cells.ts";
import {precompiledCells} from "../../../src/runtime/compile/precompiled.ts";
import {NotebookRuntime} from "../../../src/runtime/define/notebook-runtime.ts";
import {NotebookRecorder} from "../../../src/runtime/headless/recorder.ts";
import type {Notebook} from "../../../src/runtime/notebook/types.ts";
import {MutableBuiltin} from "../../../src/runtime/stdlib/mutable.ts";
import {notebookOf, valueof} from "../../helpers/notebook.ts";

const execFileAsync = promisify(execFile);
const NO_EVAL_FIXTURE = resolve(import.meta.dirname, "fixtures/run-without-eval.ts");

/** The compiled cells as a built page gets them: the module the build writes, imported. */
async function builtCellsOf(notebook: Notebook): Promise<BuiltCells> {
  const url = `data:text/javascript;base64,${Buffer.from(compiledCellsModule(notebook)).toString("base64")}`;
  return (await import(url)) as BuiltCells;
}

/** Runs `notebook` with the compiler a built page has, on the builtins these cells need. */
async function runBuilt(notebook: Notebook, built: BuiltCells) {
  const recorder = new NotebookRecorder();
  const builtins = {
    Mutable: () => MutableBuiltin,
    Generators: () => ({input: (view: {value: unknown}) => view.value})
  };
  const runtime = new NotebookRuntime({builtins, host: recorder, compile: precompiledCells(built)});
  runtime.update(notebook);
  assert.ok(await recorder.whenSettled(5000));
  runtime.dispose();
  return (name: string) => valueof({recorder, runtime, file: "", notebook}, name);
}

test("precompiledCells() runs a notebook from the module the build writes, with no parser", async () => {
  const notebook = notebookOf(
    "a = 20",
    "b = { let s = 0; for (let i = 1; i <= a; ++i) s += i; return s; }", // 1 + … + 20 = 210
    "viewof c = ({value: a * 2})",
    "mutable m = 5",
    "d = c + m + b"
  );
  const value = await runBuilt(notebook, await builtCellsOf(notebook));
  assert.equal(value("b"), 210);
  assert.equal(value("c"), 40);
  assert.equal(value("d"), 40 + 5 + 210);
});

test("a cell whose source changed since the build fails, saying to build again, and never runs a stale plan", async () => {
  const built = notebookOf("a = 1", "b = a + 1");
  const edited = notebookOf("a = 1", "b = a + 100");
  const value = await runBuilt(edited, await builtCellsOf(built));
  assert.equal(value("a"), 1);
  assert.match(
    String((value("b") as {error: string}).error),
    /^syntax: .*not compiled when the page was built/
  );
});

test("a syntax error found at build time shows at its line and column in the page", async () => {
  const notebook = notebookOf("a = 1", "b = a +", "c = b * 2");
  const built = await builtCellsOf(notebook);
  const broken = built.plans[1]!;
  assert.deepEqual(broken.error, {message: "Unexpected end of input", cellName: "b", line: 2, column: 8});
  const value = await runBuilt(notebook, {...built, plans: [broken]});
  assert.deepEqual(value("b"), {error: "syntax: Unexpected end of input"});
});

test("the page's compiler and client import neither @observablehq/parser nor acorn", () => {
  const reached = new Set<string>();
  const visit = (path: string) => {
    if (reached.has(path)) return;
    reached.add(path);
    const source = readFileSync(path, "utf8");
    for (const [, specifier] of source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)) {
      assert.doesNotMatch(specifier!, /^(@observablehq\/parser|acorn)/, `${path} imports ${specifier}`);
      if (specifier!.startsWith(".")) visit(resolve(dirname(path), specifier!));
    }
  };
  visit(resolve("src/runtime/compile/precompiled.ts"));
  visit(resolve("src/runtime/client/entry.ts"));
  assert.ok(reached.has(resolve("src/runtime/define/notebook-runtime.ts")));
});

test("a built page's cells run where code generation from strings is disallowed (no eval, no new Function)", async () => {
  const run = (...args: string[]) =>
    execFileAsync(
      process.execPath,
      ["--disallow-code-generation-from-strings", "--import", "tsx", NO_EVAL_FIXTURE, ...args],
      {encoding: "utf8"}
    );
  // 1 + … + 20 = 210
  assert.deepEqual(JSON.parse((await run()).stdout), {a: 20, b: 210});
  // The parser's compiler instantiates its cells with new Function: the same cells fail there.
  const parsed = JSON.parse((await run("parser")).stdout) as {a: {error: string}};
  assert.match(parsed.a.error, /Code generation from strings disallowed/);
});

test("a runtime error in a built cell names the notebook line that threw, from the build's line table", async () => {
  const notebook = notebookOf(
    "a = 1",
    "md:# a is ${a}",
    "b = {\n  const x = a + 1;\n  throw new Error('boom at ' + x);\n}", // lines 3 to 6; throws on line 5
    "c = a + 1"
  );
  const recorder = new NotebookRecorder();
  const builtins = {md: () => (strings: readonly string[]) => strings.join("")};
  const compile = precompiledCells(await builtCellsOf(notebook));
  const runtime = new NotebookRuntime({builtins, host: recorder, compile});
  runtime.update(notebook);
  assert.ok(await recorder.whenSettled(5000));
  runtime.dispose();
  assert.equal(recorder.report("b")?.error?.describe(), "b (line 5): boom at 2");
});
