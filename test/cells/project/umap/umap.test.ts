import assert from "node:assert/strict";
import {test} from "node:test";
import {layoutQuality, umap} from "../../../../src/cells/project/umap/index.ts";
import {loadDigits} from "./digits.ts";
import {referenceMean} from "./reference.ts";

const digits = loadDigits();
const small = digits.vectors.subarray(0, 400 * digits.dim);

for (const [nNeighbors, nComponents] of [
  [15, 2],
  [30, 3]
] as const) {
  test(`umap() on the digits (nNeighbors ${nNeighbors}, ${nComponents}-D) is as trustworthy as umap-learn`, async () => {
    const {coordinates} = await umap(digits.vectors, digits.dim, {
      nNeighbors,
      nComponents,
      minDist: 0,
      seed: 0
    });
    const quality = layoutQuality(digits.vectors, digits.dim, coordinates, nComponents, {k: 15});
    assert.ok(quality.trustworthiness >= referenceMean(nNeighbors, nComponents, "trustworthiness") - 0.01);
    assert.ok(quality.knnRecall >= referenceMean(nNeighbors, nComponents, "knnRecall") - 0.03);
  });
}

test("umap() returns n × nComponents finite coordinates, 3-D by default", async () => {
  const result = await umap(small, digits.dim, {seed: 1, nEpochs: 20});
  assert.equal(result.nComponents, 3);
  assert.equal(result.coordinates.length, 400 * 3);
  assert.ok(result.coordinates.every(Number.isFinite));
});

test("umap() with the same inputs and seed returns the same coordinates bit for bit", async () => {
  const options = {nNeighbors: 10, nComponents: 2, seed: 7, nEpochs: 60};
  const first = await umap(small, digits.dim, options);
  const second = await umap(small, digits.dim, options);
  assert.deepEqual(Buffer.from(first.coordinates.buffer), Buffer.from(second.coordinates.buffer));
});

test("umap() with another seed returns another layout", async () => {
  const first = await umap(small, digits.dim, {nNeighbors: 10, nComponents: 2, seed: 7, nEpochs: 60});
  const second = await umap(small, digits.dim, {nNeighbors: 10, nComponents: 2, seed: 8, nEpochs: 60});
  assert.notDeepEqual(Buffer.from(first.coordinates.buffer), Buffer.from(second.coordinates.buffer));
});

test("umap() with the cosine metric keeps the digits' neighbourhoods", async () => {
  const {coordinates} = await umap(small, digits.dim, {
    nNeighbors: 15,
    nComponents: 2,
    metric: "cosine",
    seed: 3
  });
  const {trustworthiness} = layoutQuality(small, digits.dim, coordinates, 2, {metric: "cosine"});
  assert.ok(trustworthiness > 0.95, `trustworthiness ${trustworthiness}`);
});
