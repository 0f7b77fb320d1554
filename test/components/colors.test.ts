import assert from "node:assert/strict";
import {test} from "node:test";
import {categorical, hexToRgb} from "../../src/components/colors.ts";

const distance = (a: string, b: string) => {
  const [p, q] = [hexToRgb(a), hexToRgb(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

test("cluster colors: 60 distinct, and the first 25 (the digits notebook's clusters) far apart", () => {
  const colors = Array.from({length: 60}, (_, id) => categorical(id));
  assert.equal(new Set(colors).size, 60);
  // Cluster 12 was cluster 0's color: 12 hues cycled.
  assert.notEqual(categorical(12), categorical(0));
  let nearest = Infinity;
  for (let i = 0; i < 25; ++i)
    for (let j = i + 1; j < 25; ++j) nearest = Math.min(nearest, distance(colors[i]!, colors[j]!));
  assert.ok(nearest > 40, `the two closest of the first 25 colors are ${nearest.toFixed(1)} apart in RGB`);
  assert.equal(categorical(60), categorical(0), "past 60 they repeat");
});
