import assert from "node:assert/strict";
import {test} from "node:test";
import {
  nearestInDirection,
  nearestOnCanvas,
  nearestPoint,
  pointsInPolygon,
  type ScreenDirection
} from "../../../src/components/point-cloud/picking.ts";

// x, y, depth per point.
const screen = Float32Array.of(10, 10, 0, 20, 10, 0, 50, 50, 0, 20, 10, -0.5, NaN, NaN, NaN);

test("nearestPoint() finds the closest point within the radius, the front one among equals", () => {
  assert.equal(nearestPoint(screen, 11, 11, 5), 0);
  assert.equal(nearestPoint(screen, 20, 11, 5), 3);
  assert.equal(nearestPoint(screen, 35, 35, 5), -1);
});

test("pointsInPolygon() selects the points inside, ascending, skipping clipped ones", () => {
  const box = [0, 0, 30, 0, 30, 30, 0, 30];
  assert.deepEqual([...pointsInPolygon(screen, box)], [0, 1, 3]);
  // A concave "L" leaves out the notch around (20, 10).
  const l = [0, 0, 15, 0, 15, 20, 60, 20, 60, 60, 0, 60];
  assert.deepEqual([...pointsInPolygon(screen, l)], [0, 2]);
  assert.deepEqual([...pointsInPolygon(screen, [0, 0, 1, 1])], []);
});

// The point cursor's fixture on a 100 × 100 canvas: x, y, depth per point (+y is down).
const cursorScreen = Float32Array.of(
  ...[50, 50, 0], // 0: the centre
  ...[70, 52, 0], // 1: right of 0, 2 px low
  ...[60, 40, 0], // 2: up and right of 0, on the 45° line
  ...[50, 20, 0], // 3: straight above 0
  ...[30, 80, 0], // 4: down-left of 0, steeper than 45°
  ...[150, 50, 0], // 5: off the canvas (x > 100)
  ...[55, 50, 2], // 6: past the far plane
  ...[52, 50, 0], // 7: hidden
  ...[10, 10, 0] // 8: the top-left, 45° from 0
);
const cursorHidden = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 1, 0);
const step = (from: number, direction: ScreenDirection) =>
  nearestInDirection(
    cursorScreen,
    cursorScreen[from * 3]!,
    cursorScreen[from * 3 + 1]!,
    direction,
    100,
    100,
    cursorHidden
  );

test("nearestInDirection() takes the nearest point within 45° of the direction", () => {
  // Right of 0: 7 (2 px) is hidden, 6 (5 px) clipped; 2 (√200 ≈ 14.1 px, along 10 = across 10) beats 1 (√404).
  assert.equal(step(0, "right"), 2);
  // Up: 2 (√200) before 3 (30 px) and 8 (√3200).
  assert.equal(step(0, "up"), 2);
  // Left: 4 is nearer (√1300 ≈ 36 px) but 30 px across for 20 along; 8 (along 40 = across 40) is in the cone.
  assert.equal(step(0, "left"), 8);
  // Down: 1 is 2 px along and 20 across, out of the cone; 4 (30 along, 20 across) is in it.
  assert.equal(step(0, "down"), 4);
});

test("nearestInDirection() falls back to the nearest point on that side, and −1 when there is none", () => {
  // Above 3 (y < 20) there is only 8: 10 up, 40 across.
  assert.equal(step(3, "up"), 8);
  // Right of 2 on the canvas there is only 1: 10 along, 12 across.
  assert.equal(step(2, "right"), 1);
  // Right of 1 there is only 5, off the canvas.
  assert.equal(step(1, "right"), -1);
  assert.equal(step(8, "left"), -1);
  assert.equal(step(8, "up"), -1);
});

test("nearestInDirection() between points at the same place prefers the front one, then the lower index", () => {
  // 1 and 2 both 10 px right of (0, 0); 2 is in front; 3 and 4 both 10 px below, at the same depth.
  const screen = Float32Array.of(0, 0, 0, 10, 0, 0.5, 10, 0, -0.5, 0, 10, 0, 0, 10, 0);
  assert.equal(nearestInDirection(screen, 0, 0, "right", 20, 20), 2);
  assert.equal(nearestInDirection(screen, 0, 0, "down", 20, 20), 3);
});

test("nearestOnCanvas() finds the nearest point drawn on the canvas, skipping hidden and clipped ones", () => {
  // From (56, 50): 6 (1 px) is clipped and 7 (4 px) hidden; 0 is 6 px away, 2 √116 ≈ 10.8.
  assert.equal(nearestOnCanvas(cursorScreen, 56, 50, 100, 100, cursorHidden), 0);
  // From (140, 50): 5 (10 px) is off the canvas; 1 is √4904 ≈ 70 px away, 2 √6500.
  assert.equal(nearestOnCanvas(cursorScreen, 140, 50, 100, 100, cursorHidden), 1);
  assert.equal(nearestOnCanvas(cursorScreen, 50, 50, 100, 100, Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1, 1)), -1);
});
