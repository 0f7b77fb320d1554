import assert from "node:assert/strict";
import {test} from "node:test";
import {nearestPoint, pointsInPolygon} from "../../../src/components/point-cloud/picking.ts";

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
