import assert from "node:assert/strict";
import {test} from "node:test";
import {Mutable, MutableBuiltin} from "../../../src/runtime/stdlib/mutable.ts";

test("new Mutable(initial).value is the initial value", () => {
  assert.equal(new Mutable(1).value, 1);
});

test("Mutable.generator yields the current value, then each value set", async () => {
  const mutable = new Mutable(1);
  const values = mutable.generator;
  assert.equal(await values.next().value, 1);
  const next = values.next().value;
  mutable.value = 2;
  assert.equal(await next, 2);
  assert.equal(mutable.value, 2);
});

test("Mutable.generator starts a new generator on each read, at the current value", async () => {
  const mutable = new Mutable("a");
  mutable.value = "b";
  assert.equal(await mutable.generator.next().value, "b");
});

test("Mutable.generator.return() stops following the value", async () => {
  const mutable = new Mutable(0);
  const values = mutable.generator;
  values.return();
  mutable.value = 1;
  assert.equal(values.next().done, true);
});

test("Mutable(initial) without new (Notebook Kit's) is a generator of the value that .value sets", async () => {
  const selection = MutableBuiltin<number[]>([]);
  assert.deepEqual(await selection.next().value, []);
  const next = selection.next().value;
  selection.value = [1, 2];
  assert.deepEqual(await next, [1, 2]);
  assert.deepEqual(selection.value, [1, 2]);
});

test("new Mutable(initial) through the builtin is still the state behind mutable x", () => {
  const state = new MutableBuiltin(3);
  assert.ok(state instanceof Mutable);
  state.value = 4;
  assert.equal(state.value, 4);
});
