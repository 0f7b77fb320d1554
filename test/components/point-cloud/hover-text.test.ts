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
