// px.project on threads: the same count gives the same projection on every run; a bad count is refused.
import assert from "node:assert/strict";
import {createHash} from "node:crypto";
import {readFile} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import * as px from "../../../src/index.ts";
import {liveThreads} from "../../../src/cells/project/umap/threads/pool.ts";

const data = (name: string) => fileURLToPath(new URL(`../../../notebooks/data/${name}`, import.meta.url));
const schema = JSON.parse(await readFile(data("digits-schema.json"), "utf8")) as px.PhoenixSchemaJson;
const production = await px.load(data("digits-production.parquet"), {schema, name: "production"});
const training = await px.load(data("digits-training.parquet"), {schema, name: "training"});
const hash = (a: Float32Array) =>
  createHash("sha256")
    .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    .digest("hex");

test("px.project with threads: 2 gives the same coordinates on every run, and not one thread's", async () => {
  const options = {embedding: "image_embedding", samples: 800, nEpochs: 60, seed: 2};
  const runs: string[] = [];
  for (const threads of [2, 2, 1]) {
    // A cache of its own each time: the kNN graph is computed again, not reused.
    const projection = await px.project(
      [production, training],
      {...options, threads},
      {cache: new px.ProjectionCache()}
    );
    assert.equal(projection.options.threads, threads);
    runs.push(hash(projection.coordinates));
  }
  assert.equal(runs[1], runs[0]);
  assert.notEqual(runs[2], runs[0], "two threads projected exactly as one: the threads did not run");
  assert.equal(liveThreads(), 0);
});

test('px.project refuses a thread count that is not a positive integer or "auto"', async () => {
  await assert.rejects(
    px.project(production, {embedding: "image_embedding", threads: 0}),
    /threads must be "auto" or an integer ≥ 1, not 0/
  );
});
