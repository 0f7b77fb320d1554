import assert from "node:assert/strict";
import {test} from "node:test";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";

installHeadlessDom();
// After the DOM: KaTeX checks the document's mode as it loads, as the builtin imports it.
const {createTex} = await import("../../../src/runtime/stdlib/tex.ts");
const tex = createTex();

const annotation = (element: Element) =>
  element.querySelector('annotation[encoding="application/x-tex"]')?.textContent;

test("tex renders inline math whose MathML annotation carries the source", () => {
  const element = tex`E = mc^2`;
  assert.equal(element.className, "katex");
  assert.equal(element.parentNode, null, "a parent would make the Inspector describe it, not show it");
  assert.equal(annotation(element), "E = mc^2");
  // c squared: a superscript of identifier c and number 2.
  assert.equal(element.querySelector("msup")?.innerHTML, "<mi>c</mi><mn>2</mn>");
  assert.equal(element.querySelector("math")?.getAttribute("display"), null);
});

test("tex reads the raw text, so \\frac stays a command rather than a form feed", () => {
  const element = tex`\frac{1}{2}`;
  assert.equal(annotation(element), "\\frac{1}{2}");
  assert.equal(element.querySelector("mfrac")?.innerHTML, "<mn>1</mn><mn>2</mn>");
});

test("tex interpolates values as TeX source", () => {
  const n = 3;
  assert.equal(annotation(tex`x^{${n}}`), "x^{3}");
});

test("tex.block and tex.options({displayMode: true}) render display math", () => {
  for (const element of [tex.block`\sum_i i`, tex.options({displayMode: true})`\sum_i i`]) {
    assert.equal(element.className, "katex-display");
    assert.equal(element.querySelector("math")?.getAttribute("display"), "block");
    assert.equal(annotation(element), "\\sum_i i");
  }
});

test("tex.options passes KaTeX options through (macros)", () => {
  const element = tex.options({macros: {"\\R": "\\mathbb{R}"}})`x \in \R`;
  assert.equal(element.querySelector("mi[mathvariant]")?.textContent, "R");
  assert.equal(element.querySelector("mi[mathvariant]")?.getAttribute("mathvariant"), "double-struck");
});

test("tex throws KaTeX's error for TeX that does not parse", () => {
  // The stray brace is the second character of "x}".
  assert.throws(() => tex`x}`, {name: "ParseError", message: /^KaTeX parse error: .*position 2/});
});

test("tex does not turn \\href from interpolated data into a link", () => {
  const element = tex`${"\\href{javascript:alert(1)}{x}"}`;
  assert.equal(element.querySelector("a"), null);
  assert.ok(!element.outerHTML.includes('href="javascript'));
});
