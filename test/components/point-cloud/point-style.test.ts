import assert from "node:assert/strict";
import {test} from "node:test";
import type {GlPoints} from "../../../src/components/point-cloud/gl-points.ts";
import {PointStyle, type StyleInputs} from "../../../src/components/point-cloud/point-style.ts";
import type {PointCloudData} from "../../../src/components/point-cloud/types.ts";

const data: PointCloudData = {
  coordinates: new Float32Array(8),
  nComponents: 2,
  dataset: Uint8Array.of(0, 0, 1, 1),
  row: Int32Array.of(0, 1, 0, 1),
  datasets: [{name: "production"}, {name: "training"}]
};
const inputs = (labels: number[], hiddenEntries: number[]): StyleInputs => ({
  data,
  colorBy: "cluster",
  clusters: {labels: Int32Array.from(labels)},
  highlight: [3],
  value: Int32Array.of(0),
  hiddenEntries: new Set(hiddenEntries),
  theme: "light"
});
const changed = (...names: string[]) => new Map(names.map((name) => [name, undefined]));
const labels = (style: PointStyle) => style.coloring!.legend.entries.map((e) => e.label);

test("PointStyle.update() flags each point: highlighted 1, selected 2, hidden by a legend entry 4", () => {
  const style = new PointStyle();
  style.update(inputs([0, -1, 1, 1], []), changed("projection"));
  assert.deepEqual(labels(style), ["cluster 0", "cluster 1", "noise"]);
  assert.deepEqual([...style.flags!], [2, 0, 0, 1]);
  // A legend click hides noise (entry 2): point 1.
  const hidden = style.update(inputs([0, -1, 1, 1], [2]), changed("hiddenEntries"));
  assert.deepEqual([...hidden], [2]);
  assert.deepEqual([...style.hidden!], [0, 1, 0, 0]);
  assert.deepEqual([...style.flags!], [2, 4, 0, 1]);
});

test("PointStyle.update() after reclustering hides the entries of the same labels (noise stays hidden)", () => {
  const style = new PointStyle();
  style.update(inputs([0, -1, 1, 1], []), changed("projection"));
  style.update(inputs([0, -1, 1, 1], [2]), changed("hiddenEntries"));
  // Legend now: cluster 0, noise; noise is entry 1 and points 0, 1.
  const hidden = style.update(inputs([-1, -1, 0, 0], [2]), changed("clusters"));
  assert.deepEqual(labels(style), ["cluster 0", "noise"]);
  assert.deepEqual([...hidden], [1]);
  assert.deepEqual([...style.hidden!], [1, 1, 0, 0]);
});

test("PointStyle.update() recomputes nothing for a change outside its inputs, and recolors for a theme", () => {
  const style = new PointStyle();
  const first = inputs([0, -1, 1, 1], []);
  style.update(first, changed("projection"));
  const {coloring, flags} = style;
  assert.equal(style.update(first, changed("hovered")), first.hiddenEntries);
  assert.equal(style.coloring, coloring);
  assert.equal(style.flags, flags);
  style.update({...first, theme: "dark"}, changed());
  assert.notDeepEqual(style.coloring!.colors, coloring!.colors);
});

test("PointStyle.upload() sends the buffers changed since the last upload, and all to fresh points", () => {
  const style = new PointStyle();
  const sent: string[] = [];
  const points = {
    setColors: () => sent.push("colors"),
    setFlags: () => sent.push("flags")
  } as unknown as GlPoints;
  style.upload(points, true);
  assert.deepEqual(sent.splice(0), [], "nothing before the first update");
  const first = inputs([0, -1, 1, 1], []);
  style.update(first, changed("projection"));
  style.upload(points, false);
  assert.deepEqual(sent.splice(0), ["colors", "flags"]);
  style.upload(points, false);
  assert.deepEqual(sent.splice(0), []);
  style.update({...first, value: Int32Array.of(1)}, changed("value"));
  style.upload(points, false);
  assert.deepEqual(sent.splice(0), ["flags"]);
  style.upload(points, true);
  assert.deepEqual(sent.splice(0), ["colors", "flags"]);
});
