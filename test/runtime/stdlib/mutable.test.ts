import assert from "node:assert/strict";
import {test} from "node:test";
import {Mutable} from "../../../src/runtime/stdlib/mutable.ts";

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
