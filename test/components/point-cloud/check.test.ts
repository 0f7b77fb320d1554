import assert from "node:assert/strict";
import {test} from "node:test";
import {checkPointCloud} from "../../../src/components/point-cloud/check.ts";
import {tinyProjection} from "../fixtures.ts";

test("checkPointCloud() accepts a projection with per-point options of the right length", () => {
  checkPointCloud(tinyProjection(), {
    colorBy: "cluster",
    clusters: {labels: new Int32Array(4)},
    highlight: [3]
  });
});

test("checkPointCloud() names the bad value", () => {
  const points = tinyProjection();
  assert.throws(() => checkPointCloud(points, {colorBy: "cluster"}), /needs clusters/);
  assert.throws(() => checkPointCloud(points, {colorBy: "size" as "dataset"}), /unknown colorBy: "size"/);
  assert.throws(
    () => checkPointCloud(points, {clusters: {labels: new Int32Array(3)}}),
    /3 labels for 4 points/
  );
  assert.throws(() => checkPointCloud(points, {highlight: [4]}), /point 4, outside 0…3/);
  assert.throws(() => checkPointCloud({...points, nComponents: 4 as 2}, {}), /must be 2 or 3 \(got 4\)/);
});
