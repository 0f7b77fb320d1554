import assert from "node:assert/strict";
import {test} from "node:test";
import {tooltipPlacement} from "../../../src/components/point-cloud/tooltip.ts";

// A 200 × 80 tooltip on a 700 × 420 surface; it keeps 14 px from the pointer.
const size = {width: 200, height: 80};
const surface = {width: 700, height: 420};

test("tooltipPlacement() puts the tooltip right of and below the pointer where it has room", () => {
  assert.deepEqual(tooltipPlacement(size, {x: 100, y: 50}, surface), {left: 114, top: 64});
  // Right at the edge of room: 486 + 200 = 686 ≤ 700, 326 + 80 = 406 ≤ 420.
  assert.deepEqual(tooltipPlacement(size, {x: 472, y: 312}, surface), {left: 486, top: 326});
});

test("tooltipPlacement() flips left of and above the pointer near the right and bottom edges", () => {
  // Bottom-right corner: 680 − 14 − 200 = 466, 400 − 14 − 80 = 306.
  assert.deepEqual(tooltipPlacement(size, {x: 680, y: 400}, surface), {left: 466, top: 306});
  // Only the bottom: right of the pointer, above it.
  assert.deepEqual(tooltipPlacement(size, {x: 100, y: 400}, surface), {left: 114, top: 306});
});

test("tooltipPlacement() clamps to the surface where neither side has room", () => {
  // 300 px wide: at x 150 neither 164 + 200 nor 150 − 214 fits; against the right edge, 300 − 200 = 100.
  assert.deepEqual(tooltipPlacement(size, {x: 150, y: 20}, {width: 300, height: 420}), {left: 100, top: 34});
  // Larger than the surface: its top-left corner.
  assert.deepEqual(tooltipPlacement({width: 400, height: 500}, {x: 150, y: 200}, {width: 300, height: 420}), {
    left: 0,
    top: 0
  });
});
