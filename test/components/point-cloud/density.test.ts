import assert from "node:assert/strict";
import {test} from "node:test";
import {DensityImage, drawsDensity, type DensityFrame} from "../../../src/components/point-cloud/density.ts";

// The identity matrix: clip space is the data space, so (0, 0) lands at the middle of the image.
const identity = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
const frame = (overrides: Partial<DensityFrame>): DensityFrame => ({
  coordinates: Float32Array.of(0, 0, 0.5, 0.5),
  colors: Uint8Array.of(255, 0, 0, 0, 0, 255),
  flags: undefined,
  matrix: identity,
  width: 8,
  height: 8,
  pointSize: 2,
  background: [255, 255, 255],
  outline: [0, 0, 0],
  hasSelection: false,
  ...overrides
});
/** The RGB of pixel (x, y), y counted from the bottom row as the texture has it. */
const pixel = (image: Uint8Array, x: number, y: number) => [
  ...image.subarray((y * 8 + x) * 4, (y * 8 + x) * 4 + 3)
];

test("DensityImage draws each point as a square of its size in its color over the background", () => {
  const image = new DensityImage().draw(frame({}));
  for (const [x, y] of [
    [3, 3],
    [4, 4],
    [3, 4],
    [4, 3]
  ])
    assert.deepEqual(pixel(image, x!, y!), [255, 0, 0]);
  for (const [x, y] of [
    [5, 5],
    [6, 6]
  ])
    assert.deepEqual(pixel(image, x!, y!), [0, 0, 255]);
  assert.deepEqual(pixel(image, 0, 0), [255, 255, 255]);
  assert.deepEqual([...image.subarray(3, 4)], [255], "opaque");
});

test("DensityImage leaves hidden points out and fades the unselected ones when there is a selection", () => {
  const hidden = new DensityImage().draw(frame({flags: Uint8Array.of(4, 0)}));
  assert.deepEqual(pixel(hidden, 3, 3), [255, 255, 255]);
  const faded = new DensityImage().draw(
    frame({coordinates: Float32Array.of(0, 0, 0.75, 0.75), flags: Uint8Array.of(0, 2), hasSelection: true})
  );
  assert.deepEqual(pixel(faded, 3, 3), [255, 184, 184]);
  assert.deepEqual(pixel(faded, 6, 6), [0, 0, 255], "the selected point keeps its color");
});

test("DensityImage draws emphasized points over the others, a pixel larger, framed in the outline color", () => {
  const coordinates = Float32Array.of(0, 0, 0, 0);
  const image = new DensityImage().draw(frame({coordinates, flags: Uint8Array.of(1, 0)}));
  // The highlighted first point (3 px from (2, 2)) wins over the later one, inside a black 5-px frame.
  assert.deepEqual(pixel(image, 3, 3), [255, 0, 0]);
  assert.deepEqual(pixel(image, 1, 1), [0, 0, 0]);
  assert.deepEqual(pixel(image, 5, 5), [0, 0, 0]);
  assert.deepEqual(pixel(image, 6, 6), [255, 255, 255]);
});

test("drawsDensity: 2-D clouds from 200,000 small points only", () => {
  assert.equal(drawsDensity(200_000, 2, 2), true);
  assert.equal(drawsDensity(199_999, 2, 2), false);
  assert.equal(drawsDensity(1_000_000, 3, 2), false);
  assert.equal(drawsDensity(1_000_000, 2, 6), false);
});
