import assert from "node:assert/strict";
import {test} from "node:test";
import {fitCamera, pan} from "../../../src/components/point-cloud/camera.ts";
import {keptSelection, keptState} from "../../../src/components/point-cloud/keep-view.ts";
import type {PointCloudData} from "../../../src/components/point-cloud/types.ts";

const points = (dataset: number[], row: number[], coordinates: number[]): PointCloudData => ({
  coordinates: Float32Array.from(coordinates),
  nComponents: 2,
  dataset: Uint8Array.from(dataset),
  row: Int32Array.from(row),
  datasets: [{name: "production"}, {name: "training"}]
});
// Points 0, 1 are rows 0, 1 of production; point 2 is row 0 of training.
const old = points([0, 0, 1], [0, 1, 0], [0, 0, 1, 0, 0, 1]);
const fitted = fitCamera(old.coordinates, 2);
assert(fitted.kind === "2d");
const panned = pan(fitted, 10, 0, 100, 100);

test("keptState() over a recomputed projection of the same points keeps the camera, selection and hover", () => {
  const again = points([0, 0, 1], [0, 1, 0], [0, 0, 1, 0.1, 0, 1]);
  const kept = keptState(old, again, {camera: panned, hovered: 1});
  assert.equal(kept.camera, panned);
  assert.deepEqual([...keptSelection(old, again, Int32Array.of(0, 2))], [0, 2]);
  assert.equal(kept.hovered, 1);
});

test("keptState() over other points follows the rows: training 0 → 0, production 1 → 1, production 0 dropped", () => {
  const other = points([1, 0], [0, 1], [0, 0, 1, 1]);
  assert.deepEqual([...keptSelection(old, other, Int32Array.of(0, 2))], [0]);
  assert.equal(keptState(old, other, {camera: panned, hovered: 1}).hovered, 1);
  assert.equal(keptState(old, other, {camera: panned, hovered: 0}).hovered, -1);
});

test("keptState() fits the camera to points far from the old ones, and at first keeps the indices in range", () => {
  const far = points([0, 0, 1], [0, 1, 0], [100, 100, 101, 100, 100, 101]);
  assert.deepEqual(keptState(old, far, {camera: panned, hovered: -1}).camera, fitCamera(far.coordinates, 2));
  assert.equal(keptState(undefined, old, {camera: undefined, hovered: -1}).camera, undefined);
  assert.deepEqual([...keptSelection(undefined, old, Int32Array.of(1, 7))], [1]);
});
