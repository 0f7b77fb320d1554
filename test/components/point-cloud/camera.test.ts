import assert from "node:assert/strict";
import {test} from "node:test";
import {
  cameraMatrix,
  fitCamera,
  orbit,
  pan,
  zoomAt,
  type OrbitCamera,
  type OrthoCamera
} from "../../../src/components/point-cloud/camera.ts";
import {screenPositions} from "../../../src/components/point-cloud/screen-positions.ts";

const square = Float32Array.of(-2, -1, 2, 1, 0, 0);
const onScreen = (
  camera: OrthoCamera | OrbitCamera,
  points: Float32Array,
  nComponents: 2 | 3,
  w = 400,
  h = 200
) =>
  Array.from(screenPositions(points, nComponents, cameraMatrix(camera, w, h), w, h)).map(
    (v) => Math.round(v * 100) / 100
  );

test("fitCamera() centers 2-D points and fits their longer side into the shorter canvas side", () => {
  const camera = fitCamera(square, 2) as OrthoCamera;
  assert.deepEqual([camera.kind, camera.center, camera.radius], ["2d", [0, 0], 2]);
  const [x0, y0, , x1, y1, , cx, cy] = onScreen(camera, square, 2);
  assert.deepEqual([cx, cy], [200, 100]);
  // 0.92 of half the 200-pixel height spans the radius of 2 units: 46 px per unit.
  assert.deepEqual([x0, y0, x1, y1], [108, 146, 292, 54]);
});

test("pan() moves the data with the pointer; zoomAt() keeps the point under the pointer in place", () => {
  const camera = fitCamera(square, 2) as OrthoCamera;
  const moved = pan(camera, 10, -20, 400, 200);
  assert.deepEqual(onScreen(moved, square, 2).slice(6, 8), [210, 80]);
  const zoomed = zoomAt(camera, 2, 292, 54, 400, 200);
  assert.deepEqual(onScreen(zoomed, square, 2).slice(3, 5), [292, 54]);
  assert.equal(zoomed.zoom, 2);
});

test("a 3-D camera looks down −z at the center; orbit() turns the picture", () => {
  const cube = Float32Array.of(-1, -1, -1, 1, 1, 1, 0, 0, 0, 1, 0, 0);
  const camera = fitCamera(cube, 3) as OrbitCamera;
  assert.deepEqual([camera.kind, camera.target, camera.yaw, camera.pitch], ["3d", [0, 0, 0], 0, 0]);
  const before = onScreen(camera, cube, 3, 300, 300);
  assert.deepEqual(before.slice(6, 8), [150, 150]);
  assert.ok(before[9]! > 150, "+x is to the right");
  const turned = onScreen(orbit(camera, 100, 0), cube, 3, 300, 300);
  assert.deepEqual(turned.slice(6, 8), [150, 150]);
  assert.notDeepEqual(turned.slice(9, 11), before.slice(9, 11));
});

test("screenPositions() gives NaN for points behind a 3-D camera", () => {
  const camera = zoomAt(fitCamera(Float32Array.of(-1, 0, 0, 1, 0, 0), 3), 100, 0, 0, 300, 300) as OrbitCamera;
  const behind = Float32Array.of(0, 0, 50);
  assert.ok(Number.isNaN(onScreen(camera, behind, 3)[0]));
});

test("fitCamera() leaves out points it cannot place (NaN, ±Infinity): the others still fill the view", () => {
  // 2-D: x from 0 to 4, y from 0 to 2 → center (2, 1), radius 2; one point at Infinity, one NaN.
  const flat = fitCamera(Float32Array.of(0, 0, 4, 2, Infinity, 1, NaN, 5), 2) as OrthoCamera;
  assert.deepEqual([flat.center, flat.radius], [[2, 1], 2]);
  // 3-D: the corners (0,0,0) and (2,2,2) → target (1,1,1), radius √3; a NaN point used to make it 1.
  const deep = fitCamera(Float32Array.of(0, 0, 0, 2, 2, 2, NaN, 0, 0), 3) as OrbitCamera;
  assert.deepEqual(deep.target, [1, 1, 1]);
  assert.ok(Math.abs(deep.radius - Math.sqrt(3)) < 1e-6);
});
