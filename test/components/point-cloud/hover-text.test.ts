import assert from "node:assert/strict";
import {test} from "node:test";
import {hoverLine, hoverText} from "../../../src/components/point-cloud/hover-text.ts";
import {tinyProjection} from "../fixtures.ts";

test("hoverText() names the dataset, row, cluster and raw data of a point", () => {
  const clusters = {labels: Int32Array.of(0, 0, -1, 1)};
  assert.deepEqual(
    hoverText(tinyProjection(), 2, clusters, (i) => `point ${i}`),
    {
      title: "training · row 20",
      cluster: "noise",
      raw: "point 2"
    }
  );
  assert.deepEqual(hoverText(tinyProjection(), 0, undefined, undefined), {
    title: "production · row 10",
    cluster: null,
    raw: null
  });
});

test("hoverText() reports a failing rawData instead of throwing", () => {
  const raw = hoverText(tinyProjection(), 0, undefined, () => {
    throw new Error("no such row");
  }).raw;
  assert.equal(raw, "rawData failed: no such row");
});

test("hoverLine() joins the tooltip's lines as a screen reader hears them, leaving out the absent ones", () => {
  const line = (cluster: string | null, raw: string | null) =>
    hoverLine({title: "training · row 20", cluster, raw});
  assert.equal(line("noise", "point 2"), "training · row 20, noise, point 2");
  assert.equal(line(null, null), "training · row 20");
  assert.equal(line("cluster 1", ""), "training · row 20, cluster 1");
});

// The tooltip is a glance at a point: the full text is in the selection table. 15,000 characters of raw
// data once filled half the cloud.
test("hoverText() cuts raw data past 300 characters to 299 and an ellipsis", () => {
  const long = "word ".repeat(3000);
  const raw = hoverText(tinyProjection(), 0, undefined, () => long).raw!;
  assert.equal(raw, "word ".repeat(59) + "word" + "…");
  assert.equal(raw.length, 300);
  const exact = "x".repeat(300);
  assert.equal(
    hoverText(tinyProjection(), 0, undefined, () => exact).raw,
    exact,
    "300 characters stay whole"
  );
});

test("hoverText() never cuts a character outside the Basic Multilingual Plane in half", () => {
  // 298 letters, then emoji (two UTF-16 units each): unit 299 is the first half of an emoji.
  const text = "a".repeat(298) + "😀".repeat(10);
  const raw = hoverText(tinyProjection(), 0, undefined, () => text).raw!;
  assert.equal(raw, "a".repeat(298) + "…");
});
