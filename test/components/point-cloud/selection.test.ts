import assert from "node:assert/strict";
import {test} from "node:test";
import {normalizeSelection, sameSelection} from "../../../src/components/point-cloud/selection.ts";

test("normalizeSelection() keeps in-range integers, ascending and once each", () => {
  assert.deepEqual([...normalizeSelection([5, 2, 2, -1, 1.5, 9, 0], 6)], [0, 2, 5]);
  assert.deepEqual([...normalizeSelection(null, 6)], []);
  assert.ok(normalizeSelection(Int32Array.of(3), 6) instanceof Int32Array);
});

test("sameSelection() compares by contents", () => {
  assert.ok(sameSelection(Int32Array.of(1, 2), Int32Array.of(1, 2)));
  assert.ok(!sameSelection(Int32Array.of(1, 2), Int32Array.of(1)));
});
