// Which row takes the focus when the focused one is gone from a list's new data.
import assert from "node:assert/strict";
import {test} from "node:test";
import {neighbour} from "../../src/components/roving-tab-stop.ts";

test("neighbour() is the first row after the gone one, in the order seen before, that is still there", () => {
  assert.equal(neighbour([1, 2, 5, 7], [7, 1, 2], 5), 7);
  assert.equal(neighbour([1, 2, 5, 7, 9], [9, 1, 2], 5), 9);
});

test("neighbour() at the end of the list is the nearest row before the gone one", () => {
  assert.equal(neighbour(["a", "b", "c"], ["b", "a"], "c"), "b");
});

test("neighbour() is null when no row seen before is left", () => {
  assert.equal(neighbour([1, 2], [3, 4], 2), null);
  assert.equal(neighbour([], [3], 2), null);
});
