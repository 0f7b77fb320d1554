import {test} from "node:test";
import assert from "node:assert/strict";
import {adjustedRandIndex} from "./ari.ts";

test("adjustedRandIndex() matches a hand-computed example", () => {
  // Contingency [[2, 1, 0], [0, 1, 2]]: index 2, row pairs 6, column pairs 3, all pairs 15, so
  // expected 6 · 3 / 15 = 1.2, max (6 + 3) / 2 = 4.5 and ARI (2 − 1.2) / (4.5 − 1.2) = 8 / 33.
  const ari = adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]);
  assert.ok(Math.abs(ari - 8 / 33) < 1e-12, `${ari}`);
});

test("adjustedRandIndex() is 1 for the same partition under other label values", () => {
  assert.equal(adjustedRandIndex([0, 0, 1, 1, -1], [5, 5, -1, -1, 2]), 1);
});

test("adjustedRandIndex() is negative for a partition that splits every group", () => {
  assert.ok(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]) < 0);
});
