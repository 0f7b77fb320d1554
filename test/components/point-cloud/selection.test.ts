import assert from "node:assert/strict";
import {test} from "node:test";
import {
  normalizeSelection,
  sameSelection,
  withoutHidden
} from "../../../src/components/point-cloud/selection.ts";

test("normalizeSelection() keeps in-range integers, ascending and once each", () => {
  assert.deepEqual([...normalizeSelection([5, 2, 2, -1, 1.5, 9, 0], 6)], [0, 2, 5]);
  assert.deepEqual([...normalizeSelection(null, 6)], []);
  assert.ok(normalizeSelection(Int32Array.of(3), 6) instanceof Int32Array);
});

test("sameSelection() compares by contents", () => {
  assert.ok(sameSelection(Int32Array.of(1, 2), Int32Array.of(1, 2)));
  assert.ok(!sameSelection(Int32Array.of(1, 2), Int32Array.of(1)));
});

test("withoutHidden() drops the hidden points, and returns the selection itself when none is hidden", () => {
  const selection = Int32Array.of(0, 2, 3, 5);
  assert.deepEqual([...withoutHidden(selection, Uint8Array.of(0, 0, 1, 0, 1, 1))], [0, 3]);
  assert.equal(withoutHidden(selection, Uint8Array.of(0, 1, 0, 0, 1, 0)), selection);
  assert.equal(withoutHidden(selection, undefined), selection);
});
