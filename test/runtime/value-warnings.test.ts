import assert from "node:assert/strict";
import {test} from "node:test";
import {cellWarnings, listedWarnings, warningsOf} from "../../src/runtime/value-warnings.ts";

test("warningsOf() reads an object's own `warnings` when it is a non-empty array of strings", () => {
  assert.deepEqual(warningsOf({warnings: ["a", "b"]}), ["a", "b"]);
  for (const value of [
    {warnings: []},
    {warnings: ["a", 1]},
    {warnings: "a"},
    Object.create({warnings: ["inherited"]}),
    ["a"],
    "warnings",
    null,
    undefined
  ])
    assert.deepEqual(warningsOf(value), [], JSON.stringify(value));
});

test("warningsOf() never runs the value's code: a getter is not read, a throwing proxy gives none", () => {
  let read = 0;
  const getter = {
    get warnings() {
      read++;
      return ["from a getter"];
    }
  };
  assert.deepEqual(warningsOf(getter), []);
  assert.equal(read, 0);
  const {proxy, revoke} = Proxy.revocable({warnings: ["a"]}, {});
  revoke();
  assert.deepEqual(warningsOf(proxy), []);
});

test("cellWarnings() adds a JavaScript cell's outputs' warnings, named when the cell has several", () => {
  const dataset = {warnings: ["duplicate ids"]};
  assert.deepEqual(cellWarnings(undefined, {dataset}), ["duplicate ids"]);
  assert.deepEqual(cellWarnings(undefined, {dataset, n: 3, other: {warnings: ["w"]}}), [
    "dataset: duplicate ids",
    "other: w"
  ]);
  assert.deepEqual(cellWarnings({warnings: ["own"]}), ["own"]);
});

test("listedWarnings() lists up to five, then how many more", () => {
  const seven = ["1", "2", "3", "4", "5", "6", "7"];
  assert.deepEqual(listedWarnings(seven.slice(0, 5)), {shown: ["1", "2", "3", "4", "5"], more: 0});
  assert.deepEqual(listedWarnings(seven), {shown: ["1", "2", "3", "4", "5"], more: 2});
});
