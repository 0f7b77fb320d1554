import assert from "node:assert/strict";
import {test} from "node:test";
import {Runtime} from "@observablehq/runtime";
import {isCellScoped} from "../../../src/runtime/define/cell-context.ts";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";
import {BUILTIN_NAMES, createBuiltins, md} from "../../../src/runtime/stdlib/index.ts";
import {MutableBuiltin} from "../../../src/runtime/stdlib/mutable.ts";
import {FileAttachment} from "./fixtures.ts";

installHeadlessDom();

/** A runtime on createBuiltins, and a function that reads a builtin's value as a cell sees it. */
function runtime(options: {width?: number} = {}): {
  value: (name: string) => Promise<unknown>;
  dispose(): void;
} {
  const runtime = new Runtime({...createBuiltins({fileAttachment: FileAttachment, ...options})});
  const module = runtime.module();
  const value = (name: string) => {
    module.variable().define(`read ${name}`, [name], (x: unknown) => x);
    return module.value(`read ${name}`);
  };
  return {value, dispose: () => runtime.dispose()};
}

test("createBuiltins() defines exactly the documented builtins", () => {
  assert.deepEqual(Object.keys(createBuiltins({fileAttachment: FileAttachment})), [
    "Plot",
    "d3",
    "Inputs",
    "html",
    "svg",
    "md",
    "tex",
    "dot",
    "Arrow",
    "FileAttachment",
    "Files",
    "width",
    "now",
    "Generators",
    "Promises",
    "Mutable",
    "worker",
    "display",
    "view",
    "visibility",
    "__import__",
    "require",
    "DOM"
  ]);
  assert.deepEqual(Object.keys(createBuiltins({fileAttachment: FileAttachment})), [...BUILTIN_NAMES]);
});

test("createBuiltins() adds a plugin's builtins (px and phx come this way), told where the notebook runs", () => {
  const seen: unknown[] = [];
  const plugin = {
    builtins: (context: {notebookPath?: string}) => (seen.push(context), {answer: () => 42, md: () => "mine"})
  };
  const builtins = createBuiltins({
    fileAttachment: FileAttachment,
    plugins: [plugin],
    pluginContext: {notebookPath: "/tmp/n.html"}
  });
  assert.deepEqual(Object.keys(builtins).slice(-2), ["DOM", "answer"]);
  assert.equal((builtins["md"] as () => unknown)(), "mine", "a plugin's builtin shadows the runtime's");
  assert.deepEqual(seen, [{notebookPath: "/tmp/n.html"}]);
});

test("createBuiltins() gives function builtins to the runtime as values, not definitions", async () => {
  const {value, dispose} = runtime();
  assert.equal(await value("md"), md);
  assert.equal(await value("Mutable"), MutableBuiltin);
  assert.equal(await value("FileAttachment"), FileAttachment);
  dispose();
});

test("createBuiltins() width is 640 in Node, or the width given", async () => {
  const node = runtime();
  const fixed = runtime({width: 800});
  assert.deepEqual([await node.value("width"), await fixed.value("width")], [640, 800]);
  node.dispose();
  fixed.dispose();
});

test("createBuiltins() now is the current time, from a generator", async () => {
  const {value, dispose} = runtime();
  const time = await value("now");
  assert.ok(typeof time === "number" && Math.abs(time - Date.now()) < 1000);
  dispose();
});

test("createBuiltins() passes worker through as a CellScoped object", () => {
  assert.ok(isCellScoped(createBuiltins({fileAttachment: FileAttachment}).worker));
});
