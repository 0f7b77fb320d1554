import assert from "node:assert/strict";
import {test} from "node:test";
import * as Promises from "../../../src/runtime/stdlib/promises/index.ts";

test("Promises.delay(ms, value) resolves to value after ms", async () => {
  const start = performance.now();
  assert.equal(await Promises.delay(20, "done"), "done");
  assert.ok(performance.now() - start >= 19);
});

test("Promises.tick(ms, value) resolves at the next multiple of ms since the epoch", async () => {
  const boundary = (Math.floor(Date.now() / 50) + 1) * 50;
  assert.equal(await Promises.tick(50, "tick"), "tick");
  assert.ok(Date.now() >= boundary);
});

test("Promises.when(date, value) resolves at date", async () => {
  const date = new Date(Date.now() + 20);
  assert.equal(await Promises.when(date, 42), 42);
  assert.ok(Date.now() >= +date);
});

test("Promises.when(date) resolves at once for a date in the past", async () => {
  assert.equal(await Promises.when(new Date(0), "past"), "past");
});
