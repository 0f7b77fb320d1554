import assert from "node:assert/strict";
import {test} from "node:test";
import * as Inputs from "@observablehq/inputs";
import {installHeadlessDom} from "../../../src/runtime/stdlib/headless-dom.ts";
import * as Generators from "../../../src/runtime/stdlib/generators/index.ts";

installHeadlessDom();

function rawInput(type: string, value: string): HTMLInputElement {
  const input = document.createElement("input");
  input.type = type;
  input.value = value;
  return input;
}

test("Generators.input() yields an Observable Input's value, then its value on each input event", async () => {
  const range = Inputs.range([0, 10], {value: 3, step: 1});
  const values = Generators.input<number>(range);
  assert.equal(await values.next().value, 3);
  range.value = 7;
  range.dispatchEvent(new Event("input", {bubbles: true}));
  assert.equal(await values.next().value, 7);
  values.return();
});

test("Generators.input() yields a raw range input's valueAsNumber", async () => {
  const input = rawInput("range", "4");
  const values = Generators.input(input);
  assert.equal(await values.next().value, 4);
  input.value = "6";
  input.dispatchEvent(new Event("input"));
  assert.equal(await values.next().value, 6);
});

test("Generators.input() yields a checkbox's checked state", async () => {
  const input = rawInput("checkbox", "on");
  const values = Generators.input(input);
  assert.equal(await values.next().value, false);
  input.checked = true;
  input.dispatchEvent(new Event("input"));
  assert.equal(await values.next().value, true);
});

test("Generators.input() yields the values selected in a select multiple", async () => {
  const select = document.createElement("select");
  select.multiple = true;
  select.innerHTML = "<option>a</option><option selected>b</option><option selected>c</option>";
  assert.deepEqual(await Generators.input(select).next().value, ["b", "c"]);
});

test("Generators.input().return() removes its input listener", () => {
  const input = rawInput("text", "x");
  const removed: string[] = [];
  input.removeEventListener = (type: string) => void removed.push(type);
  const values = Generators.input(input);
  assert.deepEqual(values.return(), {done: true, value: undefined});
  assert.deepEqual(removed, ["input"]);
  assert.equal(values.next().done, true);
});

test("Generators.observe() yields the latest value notified between pulls", async () => {
  let notify!: (value: number) => number;
  const values = Generators.observe<number>((n) => void (notify = n));
  notify(1);
  notify(2);
  assert.equal(await values.next().value, 2);
  const pending = values.next().value;
  notify(3);
  assert.equal(await pending, 3);
});

test("Generators.queue() yields every notified value in order", async () => {
  let notify!: (value: number) => number;
  const values = Generators.queue<number>((n) => void (notify = n));
  notify(1);
  notify(2);
  assert.deepEqual([await values.next().value, await values.next().value], [1, 2]);
});

test("Generators.observe().return() calls the disposer once", () => {
  let disposed = 0;
  const values = Generators.observe(() => () => ++disposed);
  values.return();
  values.return();
  assert.equal(disposed, 1);
});

test("Generators.now() yields Date.now() on each pull", async () => {
  const before = Date.now();
  const time = await Generators.now().next().value;
  assert.ok(time !== undefined && time >= before && time <= Date.now());
});

test("Generators.now(interval) yields again after the interval, until return()", async () => {
  const values = Generators.now(5);
  const first = await values.next().value;
  const second = await values.next().value;
  values.return();
  assert.ok(first !== undefined && second !== undefined && second >= first + 4);
});

test("Generators.width() yields the width reported by ResizeObserver", async () => {
  const original = globalThis.ResizeObserver;
  globalThis.ResizeObserver = class {
    constructor(callback: ResizeObserverCallback) {
      queueMicrotask(() => callback([{contentRect: {width: 480}} as ResizeObserverEntry], this as never));
    }
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  try {
    assert.equal(await Generators.width(document.body).next().value, 480);
  } finally {
    globalThis.ResizeObserver = original;
  }
});
