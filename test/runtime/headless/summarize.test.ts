import assert from "node:assert/strict";
import {test} from "node:test";
import {tableFromArrays} from "apache-arrow";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {describeJson, toJson} from "../../../src/runtime/headless/summarize.ts";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";

test("toJson() keeps plain numbers, strings, booleans and arrays of them as they are", () => {
  assert.deepEqual(toJson([1, "a", true, null]), [1, "a", true, null]);
  assert.equal(toJson(NaN), "NaN");
  assert.equal(toJson(new Date(Date.UTC(2023, 0, 1))), "2023-01-01T00:00:00.000Z");
});

test("toJson() summarizes typed arrays, tables, DOM nodes and long arrays by their shape", () => {
  installHeadlessDom();
  assert.deepEqual(toJson(new Float32Array(5)), {type: "Float32Array", length: 5});
  assert.deepEqual(toJson(tableFromArrays({a: [1, 2]})), {type: "Table", rows: 2, columns: ["a"]});
  const p = document.createElement("p");
  p.innerHTML = "<style>.x{}</style>hello <b>world</b>";
  assert.deepEqual(toJson(p), {type: "element", tag: "p", text: "hello world"});
  const rows = Array.from({length: 30}, (_, i) => ({i}));
  assert.equal(describeJson(toJson(rows)), 'Array(30) [{"i":0},{"i":1},{"i":2}]');
});

test("toJson() takes a Dataset's own summary (toJSON), not its values", () => {
  const dataset = fromTable(tableFromArrays({x: [1, 2, 3]}), "x.csv", {name: "production"});
  assert.deepEqual(toJson(dataset), {
    name: "production",
    source: "x.csv",
    rows: 3,
    columns: ["x"],
    features: ["x"],
    embeddings: {}
  });
});

test("toJson() reads a KaTeX formula as its TeX source and a Graphviz SVG without its tooltips", async () => {
  installHeadlessDom();
  const {createTex} = await import("../../../src/runtime/stdlib/tex.ts");
  const {createDot} = await import("../../../src/runtime/stdlib/dot.ts");
  // Its text would be "E=mc2" twice over: once in the MathML, once in the drawing hidden from screen readers.
  assert.deepEqual(toJson(createTex()`E = mc^2`), {type: "element", tag: "span", text: "E = mc^2"});
  // Graphviz titles each node and edge ("a", "b", "a->b"); the labels are what the graph shows.
  const dot = await createDot();
  assert.deepEqual(toJson(dot`digraph { a -> b }`), {type: "element", tag: "svg", text: "a b"});
});

test("toJson() names a value whose toJSON throws by its type and says why (before: the runner lost the cell)", () => {
  const value = {
    toJSON() {
      throw new Error("toJSON boom");
    }
  };
  assert.deepEqual(toJson(value), {type: "Object", note: "could not be summarized: toJSON boom"});
  assert.deepEqual(toJson({a: 1, b: value}), {
    a: 1,
    b: {type: "Object", note: "could not be summarized: toJSON boom"}
  });
});
