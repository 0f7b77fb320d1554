import assert from "node:assert/strict";
import {test} from "node:test";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";
import {createDot} from "../../../src/runtime/stdlib/dot.ts";

installHeadlessDom();
const dot = await createDot();

test("dot renders one node group per node and one edge group per edge", () => {
  // Four nodes: a, b and c named by edges, d on its own; three edges.
  const svg = dot`digraph { a -> b; b -> c; a -> c; d }`;
  assert.equal(svg.tagName.toLowerCase(), "svg");
  assert.equal(svg.parentNode, null, "a parent would make the Inspector describe it, not show it");
  const titles = (selector: string) =>
    Array.from(svg.querySelectorAll(`${selector} > title`), (title) => title.textContent).sort();
  assert.deepEqual(titles("g.node"), ["a", "b", "c", "d"]);
  assert.deepEqual(titles("g.edge"), ["a->b", "a->c", "b->c"]);
});

test("dot draws Graphviz's default black as currentColor, and keeps the colours the graph sets", () => {
  const svg = dot`digraph { a -> b [color=red]; b [color=black] }`;
  const [a, b] = Array.from(svg.querySelectorAll("g.node ellipse"));
  assert.equal(a!.getAttribute("stroke"), "currentColor");
  assert.equal(a!.getAttribute("stroke-opacity"), null);
  assert.equal(b!.getAttribute("stroke"), "black");
  assert.equal(svg.querySelector("g.node text")!.getAttribute("fill"), "currentColor");
  assert.equal(svg.querySelector("g.edge path")!.getAttribute("stroke"), "red");
});

test("dot fits its SVG to the width of its container", () => {
  const svg = dot`graph { x -- y }`;
  assert.equal(svg.style.maxWidth, "100%");
  assert.equal(svg.style.height, "auto");
});

test("dot reads the raw text and interpolates values", () => {
  const name = "first";
  // The label's \l is Graphviz's line break (left-justified), two characters in the source; a cooked string
  // would drop the backslash ("oneltwo").
  const svg = dot`digraph { ${name} [label="one\ltwo\l"] }`;
  assert.equal(svg.querySelector("g.node > title")!.textContent, "first");
  assert.deepEqual(
    Array.from(svg.querySelectorAll("g.node text"), (text) => text.textContent),
    ["one", "two"]
  );
});

test("dot throws Graphviz's message for DOT that does not parse", () => {
  assert.throws(() => dot`digraph { a -> }`, {message: /syntax error in line 1 near '}'/});
});

test("dot drops javascript: URLs from the links it draws", () => {
  const svg = dot`digraph { a [URL="javascript:alert(1)"]; b [URL="https://example.com/"] }`;
  const links = Array.from(svg.querySelectorAll("a"), (a) => a.getAttribute("xlink:href"));
  assert.deepEqual(links, [null, "https://example.com/"]);
});
