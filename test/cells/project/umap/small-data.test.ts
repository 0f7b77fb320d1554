// Fewer points than nNeighbors: umap-learn's UMAP.fit truncates n_neighbors to n − 1 with a warning
// ("n_neighbors is larger than the dataset size; truncating to X.shape[0] - 1"); so does px.project.
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import * as px from "../../../../src/index.ts";
import {knnGraph, umap, UmapError} from "../../../../src/cells/project/umap/index.ts";
import {blobs} from "./blobs.ts";

test("knnGraph() on 20 points with nNeighbors 30 uses 19 neighbours, as umap-learn (n − 1)", async () => {
  const knn = await knnGraph(blobs(20, 4, 2, 1), 4, {nNeighbors: 30, seed: 0});
  assert.equal(knn.k, 19);
  assert.equal(knn.indices.length, 20 * 19);
});

test("knnGraph() at the edge: 31 points keep nNeighbors 30; 30 points get 29", async () => {
  assert.equal((await knnGraph(blobs(31, 4, 2, 1), 4, {nNeighbors: 30, seed: 0})).k, 30);
  assert.equal((await knnGraph(blobs(30, 4, 2, 1), 4, {nNeighbors: 30, seed: 0})).k, 29);
});

test("umap() on 40 points with nNeighbors 40 lays out all 40, finite", async () => {
  const {coordinates, nComponents} = await umap(blobs(40, 4, 2, 1), 4, {nNeighbors: 40, seed: 0});
  assert.equal(nComponents, 3);
  assert.equal(coordinates.length, 40 * 3);
  assert.ok(coordinates.every(Number.isFinite));
});

test("umap() on 3 points, 3-D: the smallest set it projects", async () => {
  const {coordinates} = await umap(blobs(3, 4, 2, 1), 4, {seed: 0, nEpochs: 20});
  assert.equal(coordinates.length, 9);
  assert.ok(coordinates.every(Number.isFinite));
});

test("umap() on 1 or 2 points is a knn-stage UmapError saying at least 3 points are needed", async () => {
  for (const n of [1, 2]) {
    await assert.rejects(umap(blobs(n, 4, 1, 1), 4, {seed: 0}), (error: unknown) => {
      assert.ok(error instanceof UmapError, String(error));
      assert.equal(error.stage, "knn");
      assert.match(
        error.message,
        new RegExp(`^umap knn: ${n} points? (is|are) too few to project: UMAP needs at least 3`)
      );
      return true;
    });
  }
});

const data = (name: string) => fileURLToPath(new URL(`../../../../notebooks/data/${name}`, import.meta.url));
const schema = JSON.parse(await readFile(data("digits-schema.json"), "utf8")) as px.PhoenixSchemaJson;

test("px.project of 10 + 10 points with the default 30 neighbours: 19 used, and a warning saying so", async () => {
  const production = await px.load(data("digits-production.parquet"), {schema, name: "production"});
  const training = await px.load(data("digits-training.parquet"), {schema, name: "training"});
  const projection = await px.project(
    [production, training],
    {embedding: "image_embedding", samples: 10, nEpochs: 30, seed: 1},
    {cache: new px.ProjectionCache()}
  );
  assert.equal(projection.coordinates.length, 20 * 3);
  assert.deepEqual(projection.warnings, [
    "nNeighbors 30 is more than the 20 points projected allow: truncated to 19 (n − 1), as umap-learn does"
  ]);
  const roomy = await px.project(production, {
    embedding: "image_embedding",
    samples: 40,
    nEpochs: 30,
    seed: 1
  });
  assert.deepEqual(roomy.warnings, []);
});
