import assert from "node:assert/strict";
import {test} from "node:test";
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";
import {md} from "../../../src/runtime/stdlib/md.ts";

const nodeFetch = globalThis.fetch;
const nodeURL = globalThis.URL;
const window = installHeadlessDom();

test("installHeadlessDom() is idempotent", () => {
  assert.equal(installHeadlessDom(), window);
});

test("installHeadlessDom() keeps Node's own fetch and URL", () => {
  assert.equal(globalThis.fetch, nodeFetch);
  assert.equal(globalThis.URL, nodeURL);
});

test("Inputs.range([0, 10], {value: 3}) has value 3 headless", () => {
  assert.equal(Inputs.range([0, 10], {value: 3}).value, 3);
});

test("Inputs.range without a value starts at the midpoint of its extent headless, as in a browser", () => {
  // The HTML standard's default for a range input: min + (max - min) / 2, on the step grid from min.
  assert.equal(Inputs.range([0, 100], {step: 1}).value, 50);
  assert.equal(Inputs.range([2, 7], {step: 2}).value, 4); // 4.5 → the nearest step from 2: 4 (or 6)
  const input = document.createElement("input");
  input.type = "range";
  assert.equal(input.value, "50"); // min 0 and max 100 by default
  input.value = "12";
  assert.equal(input.value, "12");
});

test("Inputs.select takes its value headless, as in a browser (the last option marked selected)", () => {
  const digits = ["0", "1", "2", "3", "4"];
  assert.equal(Inputs.select(digits, {value: "3"}).value, "3");
  assert.equal(Inputs.select(digits, {value: "0"}).value, "0");
  assert.equal(Inputs.select(digits).value, "0", "no value: the first option");
  const select = document.createElement("select");
  select.innerHTML = "<option>a</option><option selected>b</option><option selected>c</option>";
  assert.equal(select.value, "c");
  assert.deepEqual(Inputs.select(digits, {multiple: true, value: ["1", "4"]}).value, ["1", "4"]);
  const view = Inputs.select(digits, {value: "3"});
  view.value = "4";
  assert.equal(view.value, "4", "set as a reader would pick it");
  select.value = 1 as unknown as string;
  assert.equal(select.selectedIndex, -1, "no option has the text 1");
});

test("Plot.plot() renders an SVG with a circle per dot headless", () => {
  const chart = Plot.plot({marks: [Plot.dot([[1, 2]])]});
  assert.equal(chart.tagName.toLowerCase(), "svg");
  assert.equal(chart.querySelectorAll("circle").length, 1);
});

test("md renders Markdown with interpolated values headless", () => {
  const element = md`# Hi ${1 + 1}`;
  assert.equal(element.tagName, "H1");
  assert.equal(element.textContent, "Hi 2");
});

test("html interpolates text headless", () => {
  assert.equal((html`<b>${"x"}</b>` as HTMLElement).outerHTML, "<b>x</b>");
});
