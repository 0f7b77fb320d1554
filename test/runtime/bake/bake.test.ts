import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {test} from "node:test";
import {tableFromArrays} from "apache-arrow";
import {BakedCells} from "../../../src/runtime/bake/baked-cells.ts";
import {canonical} from "../../../src/runtime/bake/canonical.ts";
import {arrowTableCodec, builtinCodecs, jsonCodec} from "../../../src/runtime/bake/codec.ts";
import {collectBakes} from "../../../src/runtime/bake/collect.ts";
import {bakeKey, keyBasis} from "../../../src/runtime/bake/key.ts";
import {sha256Hex} from "../../../src/runtime/bake/sha256.ts";
import type {BakeManifest} from "../../../src/runtime/bake/types.ts";
import {compileCells} from "../../../src/runtime/compile/compile-cell.ts";
import {NotebookRuntime} from "../../../src/runtime/define/notebook-runtime.ts";
import {defineHeadless} from "../../../src/runtime/headless/open-notebook.ts";
import {NotebookRecorder} from "../../../src/runtime/headless/recorder.ts";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {serializeNotebook} from "../../../src/runtime/notebook/serialize.ts";
import type {Notebook} from "../../../src/runtime/notebook/types.ts";

const notebookOf = (...cells: string[]): Notebook =>
  parseNotebook(`<notebook>${cells.join("\n")}</notebook>`, "test.html");
const ojs = (source: string, attributes = "") =>
  `<script type="application/vnd.observable.javascript"${attributes}>${source}</script>`;

test("sha256Hex() gives node:crypto's digest, across block boundaries and non-ASCII text", () => {
  for (const text of ["", "abc", "x".repeat(55), "x".repeat(56), "x".repeat(64), "é∑😀".repeat(40)])
    assert.equal(sha256Hex(text), createHash("sha256").update(text).digest("hex"));
});

test("canonical() sorts keys, tags what JSON would merge, and refuses class instances", () => {
  assert.equal(canonical({b: 1, a: [null, "x"]}), '{"a":[null,"x"],"b":1}');
  assert.notEqual(canonical(NaN), canonical(null));
  assert.notEqual(canonical(-0), canonical(0));
  assert.notEqual(canonical(new Float32Array([1])), canonical([1]));
  assert.equal(canonical(new (class Point {})()), undefined);
  assert.equal(canonical({f: () => 1}), undefined);
});

test("bakeKey() changes with the cell, a cell upstream and a view's value, not with a cell elsewhere", () => {
  const key = (sources: string[], views: Record<string, unknown> = {n: 3}) => {
    const cells = compileCells(notebookOf(...sources.map((s) => ojs(s))).cells);
    const basis = keyBasis(
      cells,
      cells.find((c) => c.name === "y")!
    );
    assert.ok(!("unbakeable" in basis));
    return bakeKey(basis, new Map(Object.entries(views)));
  };
  const base = key(["viewof n = Inputs.range([0, 9])", "x = n + 1", "y = x * 2", "z = 5"]);
  assert.equal(key(["viewof n = Inputs.range([0, 9])", "x = n + 1", "y = x * 2", "z = 6"]), base);
  assert.notEqual(key(["viewof n = Inputs.range([0, 9])", "x = n + 1", "y = x * 3", "z = 5"]), base);
  assert.notEqual(key(["viewof n = Inputs.range([0, 9])", "x = n + 2", "y = x * 2", "z = 5"]), base);
  assert.notEqual(key(["viewof n = Inputs.range([0, 9])", "x = n + 1", "y = x * 2", "z = 5"], {n: 4}), base);
  assert.equal(key(["viewof n = Inputs.range([0, 9])", "x = n + 1", "y = x * 2"], {}), undefined);
});

test("a cell below a mutable has no key", () => {
  const cells = compileCells(notebookOf(ojs("mutable m = 1"), ojs("y = m + 1")).cells);
  assert.deepEqual(keyBasis(cells, cells[1]!), {unbakeable: "cell 1 holds a mutable"});
});

test("the bake attribute reads and writes back", () => {
  const notebook = notebookOf(ojs("t = 1", " bake"), ojs("u = 2"));
  assert.deepEqual(
    notebook.cells.map((cell) => cell.bake),
    [true, undefined]
  );
  assert.match(serializeNotebook(notebook), /type="application\/vnd\.observable\.javascript" bake>/);
});

test("the built-in codecs bake an Arrow table and a JSON-able value, and refuse what JSON would change", async () => {
  const table = tableFromArrays({a: Float64Array.from([1.5, 2.5])});
  assert.ok(arrowTableCodec.accepts(table));
  const back = await arrowTableCodec.decode(await arrowTableCodec.encode(table), {inputs: new Map()});
  assert.deepEqual(Array.from(back.getChild("a")!.toArray() as Float64Array), [1.5, 2.5]);
  const value = {label: "ok", series: [1, 2, null]};
  assert.deepEqual(await jsonCodec.decode(await jsonCodec.encode(value), {inputs: new Map()}), value);
  for (const bad of [NaN, new Date(0), new Map(), undefined, {a: new Float32Array(1)}])
    assert.equal(jsonCodec.accepts(bad), false, String(bad));
});

// A marked cell whose value is random: shown again, it is the baked value, not a new draw.
const RANDOM = notebookOf(ojs("seed = 1"), ojs("r = ({draw: Math.random(), seed})", " bake"), ojs("t = 1"));

async function bake(
  notebook: Notebook
): Promise<{manifest: BakeManifest; files: Map<string, Uint8Array>; draw: number}> {
  const headless = defineHeadless(notebook, "/tmp/test.html");
  assert.ok(await headless.recorder.whenSettled(10_000));
  const {values, warnings} = await collectBakes(headless, builtinCodecs, "test.html");
  assert.deepEqual(warnings, []);
  const files = new Map<string, Uint8Array>();
  const cells = values.map(({cell, key, parts}) => ({
    cell,
    key,
    parts: parts.map(({output, codec, bytes}) => {
      files.set(`${cell}.arrow`, bytes);
      return {output, codec, file: `${cell}.arrow`};
    })
  }));
  const draw = (headless.recorder.report("r")!.value as {draw: number}).draw;
  headless.runtime.dispose();
  return {manifest: {cells}, files, draw};
}

async function show(notebook: Notebook, baked: Awaited<ReturnType<typeof bake>>): Promise<unknown> {
  const recorder = new NotebookRecorder();
  const bakedCells = new BakedCells({
    manifest: baked.manifest,
    load: (file) => Promise.resolve(baked.files.get(file)!)
  });
  const runtime = new NotebookRuntime({
    builtins: {},
    host: recorder,
    compile: compileCells,
    bake: bakedCells
  });
  runtime.update(notebook);
  assert.ok(await recorder.whenSettled(10_000));
  const value = recorder.report("r")!.value;
  runtime.dispose();
  return value;
}

test("a cell marked bake shows its baked value while its key holds", async () => {
  const baked = await bake(RANDOM);
  assert.deepEqual(
    baked.manifest.cells.map((c) => c.cell),
    [2],
    "only the marked cell"
  );
  assert.deepEqual(await show(RANDOM, baked), {draw: baked.draw, seed: 1});
});

test("a cell whose upstream source changed since the bake computes anew", async () => {
  const baked = await bake(RANDOM);
  const changed = notebookOf(
    ojs("seed = 2"),
    ojs("r = ({draw: Math.random(), seed})", " bake"),
    ojs("t = 1")
  );
  const value = (await show(changed, baked)) as {draw: number; seed: number};
  assert.equal(value.seed, 2);
  assert.notEqual(value.draw, baked.draw);
});

test("a generator upstream joins the key with its value; a cell reading width or now has no key", () => {
  const cells = compileCells(
    notebookOf(ojs("g = { yield 1; }"), ojs("y = g + 1"), ojs("w = width / 2"), ojs("z = w + 1")).cells
  );
  const basis = keyBasis(cells, cells[1]!);
  assert.ok(!("unbakeable" in basis));
  assert.deepEqual(basis.views, ["g"]);
  assert.notEqual(bakeKey(basis, new Map([["g", 1]])), bakeKey(basis, new Map([["g", 2]])));
  assert.deepEqual(keyBasis(cells, cells[3]!), {unbakeable: "cell 3 reads width, which changes in the page"});
});

test("a JavaScript cell's view() upstream joins the key with the value cells read, as the page computes it", async () => {
  const notebook = parseNotebook(
    `<notebook><script type="module">const n = view(Inputs.range([0, 10], {value: 3, step: 1}));</script>${ojs(
      "r = ({draw: Math.random(), n})",
      " bake"
    )}</notebook>`,
    "test.html"
  );
  const headless = defineHeadless(notebook, "/tmp/test.html");
  assert.ok(await headless.recorder.whenSettled(10_000));
  const {values, warnings} = await collectBakes(headless, builtinCodecs, "test.html");
  headless.runtime.dispose();
  // Before, the key read the output as the cell declared it, a generator, which has no canonical form.
  assert.deepEqual(warnings, []);
  const cells = compileCells(notebook.cells);
  assert.deepEqual(
    values.map(({cell, key}) => ({cell, key})),
    [
      {
        cell: 2,
        key: bakeKey(keyBasis(cells, cells[1]!) as Parameters<typeof bakeKey>[0], new Map([["n", 3]]))
      }
    ]
  );
});

test("bakeNotebook() gives up a thread that a cell keeps busy past its timeout, naming the file, instead of waiting for ever", async () => {
  const {bakeNotebook} = await import("../../../src/runtime/bake/bake-notebook.ts");
  const file = new URL("../../fixtures/notebooks/spin.html", import.meta.url).pathname;
  // `while (true) {}` blocks the thread's own timer: only the build's can end it (before, `build` never returned).
  await assert.rejects(
    bakeNotebook({file, name: "spin.html", plugins: [], timeoutMs: 300}, 1_000),
    /spin\.html: a cell kept the bake thread busy past --bake-timeout \(0\.3 s and 1 s to collect\)/
  );
});

test("NotebookRecorder.whenSettled() with a deadline past setTimeout's limit waits without warnings", async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on("warning", onWarning);
  try {
    const notebook = parseNotebook(
      `<notebook><script id="1" type="application/vnd.observable.javascript">slow = new Promise((resolve) => setTimeout(() => resolve(1), 300))</script></notebook>`,
      "slow.html"
    );
    const headless = defineHeadless(notebook, "slow.html", []);
    // 1e10 ms is past 2^31 − 1: Node fired such a timer at once and warned, in a loop, hundreds of times.
    assert.equal(await headless.recorder.whenSettled(1e10), true);
    headless.runtime.dispose();
  } finally {
    process.off("warning", onWarning);
  }
  assert.deepEqual(warnings, []);
});
