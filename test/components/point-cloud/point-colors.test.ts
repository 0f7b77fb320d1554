import assert from "node:assert/strict";
import {test} from "node:test";
import {pointColors, pointFlags} from "../../../src/components/point-cloud/point-colors.ts";
import {palettes} from "../../../src/components/theme.ts";

const dataset = Uint8Array.of(0, 1, 0);
const rgb = (colors: Uint8Array, i: number) => [...colors.subarray(i * 3, i * 3 + 3)];

test("pointColors() by dataset uses Phoenix's primary and reference colors of the theme", () => {
  const light = pointColors(dataset, "dataset", undefined, palettes.light);
  assert.deepEqual(
    [rgb(light, 0), rgb(light, 1)],
    [
      [0x00, 0xad, 0xd0],
      [0x45, 0x00, 0xd9]
    ]
  );
  const dark = pointColors(dataset, "dataset", undefined, palettes.dark);
  assert.deepEqual(
    [rgb(dark, 0), rgb(dark, 1)],
    [
      [0x05, 0xfb, 0xff],
      [0xcb, 0x8a, 0xfd]
    ]
  );
});

test("pointColors() by cluster colors noise grey and each cluster its own color", () => {
  const colors = pointColors(dataset, "cluster", {labels: Int32Array.of(0, -1, 1)}, palettes.light);
  assert.deepEqual(rgb(colors, 1), [0xb4, 0xb8, 0xbf]);
  assert.notDeepEqual(rgb(colors, 0), rgb(colors, 2));
});

test("pointColors() by value spans viridis from the smallest to the largest; NaN is grey", () => {
  const colors = pointColors(dataset, Float32Array.of(2, NaN, 4), undefined, palettes.light);
  assert.deepEqual(
    [rgb(colors, 0), rgb(colors, 1), rgb(colors, 2)],
    [
      [0x44, 0x01, 0x54],
      [0xb4, 0xb8, 0xbf],
      [0xfd, 0xe7, 0x25]
    ]
  );
});

test("pointColors() names a missing clustering or a length mismatch", () => {
  assert.throws(() => pointColors(dataset, "cluster", undefined, palettes.light), /needs clusters/);
  assert.throws(() => pointColors(dataset, [1, 2], undefined, palettes.light), /2 entries for 3 points/);
});

test("pointFlags() marks highlighted (1) and selected (2) points", () => {
  assert.deepEqual([...pointFlags(4, [0, 1], Int32Array.of(1, 3))], [1, 3, 0, 2]);
});
