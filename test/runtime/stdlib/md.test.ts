import assert from "node:assert/strict";
import {test} from "node:test";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";
import {md} from "../../../src/runtime/stdlib/md.ts";

installHeadlessDom();

test("md returns a <div> around several blocks", () => {
  // Prettier would reformat the Markdown inside the template.
  // prettier-ignore
  const element = md`# Title\n\nSome *text*.`;
  assert.equal(element.outerHTML, "<div><h1>Title</h1>\n<p>Some <em>text</em>.</p></div>");
});

test("md inserts an interpolated DOM node itself, inline", () => {
  const button = document.createElement("button");
  const element = md`Press ${button} now`;
  assert.equal(element.outerHTML, "<p>Press <button></button> now</p>");
  assert.equal(element.querySelector("button"), button);
});

test("md inserts an interpolated array of nodes in order", () => {
  const items = ["a", "b"].map((text) => Object.assign(document.createElement("i"), {textContent: text}));
  assert.equal(md`Items: ${items}`.outerHTML, "<p>Items: <i>a</i><i>b</i></p>");
});

test("md reads interpolated strings as Markdown", () => {
  assert.equal(md`${"**bold**"}`.outerHTML, "<p><strong>bold</strong></p>");
});

test("md removes javascript: URLs from the links it renders, however they are spelled", () => {
  // prettier-ignore
  const element = md`[a](javascript:alert(1)) [b](${"JaVaScript:alert(2)"}) ${'<a href="&#106;avascript:alert(3)">c</a>'} ${'<a href=" java&#9;script:alert(4)">d</a>'}`;
  const links = Array.from(element.querySelectorAll("a"));
  assert.deepEqual(
    links.map((link) => [link.textContent, link.getAttribute("href")]),
    [
      ["a", null],
      ["b", null],
      ["c", null],
      ["d", null]
    ]
  );
});

test("md keeps http, relative and fragment links, and an interpolated node's own href", () => {
  const own = Object.assign(document.createElement("a"), {href: "javascript:void 0", textContent: "own"});
  const element = md`[a](https://example.org/x) [b](data/x.csv) [c](#top) ${own}`;
  const hrefs = Array.from(element.querySelectorAll("a")).map((link) => link.getAttribute("href"));
  assert.deepEqual(hrefs, ["https://example.org/x", "data/x.csv", "#top", "javascript:void 0"]);
});

test("md drops <meta> and <base> from what it renders: they act on the whole page, not where they stand", () => {
  // A refresh <meta> from data navigated a published page off-site with no click (no CSP directive covers it).
  const data =
    '<meta http-equiv="refresh" content="1;url=http://127.0.0.2:9/away"><base href="http://127.0.0.2:9/">';
  const element = md`Before ${data} after, and <b>bold</b>.`;
  assert.equal(element.querySelectorAll("meta, base").length, 0);
  assert.equal(element.textContent, "Before  after, and bold.");
  assert.equal(element.querySelector("b")?.textContent, "bold");
});
