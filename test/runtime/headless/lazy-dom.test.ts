// The runner's notebook thread installs happy-dom only once a cell needs a DOM. Each run is a fresh thread,
// so what one notebook loads does not leak into the next.
import assert from "node:assert/strict";
import {mkdtemp, readFile, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {cli} from "../../helpers/cli.ts";

/** Runs a notebook of OJS cells with the runner; resolves to each cell's name and value (or error). */
async function runCells(...sources: string[]): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-dom-"));
  const cells = sources.map((s) => `<script type="application/vnd.observable.javascript">${s}</script>`);
  await writeFile(join(dir, "nb.html"), `<notebook>${cells.join("\n")}</notebook>`);
  const {code, stderr} = await cli(["run", join(dir, "nb.html"), "--json", join(dir, "out.json")]);
  assert.ok(code === 0 || code === 1, stderr);
  const {cells: results} = JSON.parse(await readFile(join(dir, "out.json"), "utf8")) as {
    cells: {name: string; value: unknown; error?: string}[];
  };
  return Object.fromEntries(results.map(({name, value, error}) => [name, error ?? value]));
}

test("a notebook whose cells need no DOM runs without one", async () => {
  const values = await runCells("dom = typeof globalThis.document", "arrow = typeof Arrow.tableFromArrays");
  assert.deepEqual(values, {dom: "undefined", arrow: "function"});
});

test("a cell that reads a DOM global gets the DOM", async () => {
  const values = await runCells("kind = typeof HTMLElement", "tag = document.createElement('p').tagName");
  assert.deepEqual(values, {kind: "function", tag: "P"});
});

test("the builtins that need a DOM have one: md, html, Inputs, Plot", async () => {
  const values = await runCells(
    "heading = md`# hi`.tagName",
    "span = html`<span>`.tagName",
    "form = Inputs.text().tagName",
    "plot = Plot.plot({marks: []}).tagName"
  );
  assert.deepEqual(values, {heading: "H1", span: "SPAN", form: "FORM", plot: "svg"});
});

test("tex and dot have a DOM: KaTeX renders (it refuses a document in quirks mode) and so does Graphviz", async () => {
  const values = await runCells("formula = tex`x^2`.className", "graph = dot`digraph { a }`.tagName");
  assert.deepEqual(values, {formula: "katex", graph: "svg"});
});

test("a name that no cell, builtin, Node global or DOM global defines is the cell's error", async () => {
  const values = await runCells("x = nothingHere + 1");
  assert.deepEqual(values, {x: "x (line 1): nothingHere is not defined"});
});
