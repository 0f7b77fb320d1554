import assert from "node:assert/strict";
import {test} from "node:test";
import {umap, type UmapStage} from "../../../../src/cells/project/umap/index.ts";
import {blobs} from "./blobs.ts";

const points = blobs(600, 16, 4, 2);
const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError";

test("umap() with an aborted signal rejects with an AbortError before any work", async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(umap(points, 16, {seed: 0}, {signal: controller.signal}), isAbort);
});

test("umap() aborted during the layout rejects with an AbortError", async () => {
  const controller = new AbortController();
  const progress = (fraction: number, stage: UmapStage) => {
    if (stage === "layout" && fraction > 0.6) controller.abort();
  };
  await assert.rejects(umap(points, 16, {seed: 0}, {signal: controller.signal, progress}), isAbort);
});

test("umap() aborted by a timer stops: it lets the event loop run between epochs", async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const start = performance.now();
  await assert.rejects(umap(points, 16, {seed: 0, nEpochs: 100_000}, {signal: controller.signal}), isAbort);
  assert.ok(performance.now() - start < 5000);
});

test("umap() reports progress through knn, graph and layout, rising to 1", async () => {
  const seen: [number, UmapStage][] = [];
  await umap(
    points,
    16,
    {seed: 0, nEpochs: 30},
    {progress: (fraction, stage) => seen.push([fraction, stage])}
  );
  const stages = [...new Set(seen.map(([, stage]) => stage))];
  assert.deepEqual(stages, ["knn", "graph", "layout"]);
  assert.ok(seen.every(([fraction], i) => i === 0 || fraction >= seen[i - 1]![0]));
  assert.equal(seen.at(-1)![0], 1);
});
