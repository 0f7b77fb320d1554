import assert from "node:assert/strict";
import {test} from "node:test";
import {planCells} from "../../../src/runtime/compile/compile-cell.ts";
import {pageGlobals} from "../../../src/runtime/compile/globals.ts";
import {libraryMembers} from "../../../src/runtime/compile/library-members.ts";
import type {Cell} from "../../../src/runtime/notebook/types.ts";
import {parseNotebook} from "../../../src/runtime/notebook/parse.ts";
import {trimmedModule} from "../../../src/runtime/vite/trimmed-libraries.ts";

// The cells of a notebook file holding `scripts` (each `[type, source]`), planned as a build plans them.
function plansOf(...scripts: [string, string][]) {
  const body = scripts.map(([type, source], i) => `<script id="${i + 1}" type="${type}">${source}</script>`);
  const notebook = parseNotebook(`<notebook>${body.join("\n")}</notebook>`, "t.html");
  return {notebook, plans: planCells(notebook.cells as Cell[], pageGlobals()).filter((p) => p !== null)};
}
const OJS = "application/vnd.observable.javascript";

test("libraryMembers() lists the names cells read as Plot.name and d3.name, across cell kinds", () => {
  const {plans} = plansOf(
    [OJS, `Plot.plot({marks: [Plot.dot([1, 2]), Plot.ruleY([0])]})`],
    [OJS, `m = d3.mean([1, 2])`],
    ["text/markdown", `**\${d3.rollups([1], (v) => v.length, (d) => d).length}** and "Plot.barY" in text`],
    ["module", `display(d3.sum([1, 2]));`]
  );
  assert.deepEqual(libraryMembers(plans), {
    Plot: {kind: "members", names: ["dot", "plot", "ruleY"]},
    d3: {kind: "members", names: ["mean", "rollups", "sum"]}
  });
});

test("libraryMembers() wants the whole library when a cell reads it by a computed name, passes it or shadows it", () => {
  for (const source of [
    `Plot[name]`,
    `f(d3)`,
    `({Plot})`,
    `typeof d3`,
    `{ if (a) { const Plot = 1; return Plot; } return Plot.dot; }`
  ]) {
    const {plans} = plansOf([OJS, `x = ${source}`], [OJS, `Plot.dot([]), d3.sum([])`]);
    const library = source.includes("Plot") ? "Plot" : "d3";
    assert.equal(libraryMembers(plans)[library]?.kind, "full", source);
  }
});

test("libraryMembers() says nothing of a library no cell references", () => {
  const {plans} = plansOf([OJS, `x = 1 + 1`], ["text/markdown", `Plot.plot and d3 in prose`]);
  assert.deepEqual(libraryMembers(plans), {});
});

test("a trimmed module re-exports the names cells read that the package has, and no other", async () => {
  const {notebook} = plansOf([OJS, `Plot.plot({marks: [Plot.dot([1]), Plot.noSuchMark([])]})`]);
  assert.equal(await trimmedModule("Plot", notebook), `export {dot, plot} from "@observablehq/plot";\n`);
});
