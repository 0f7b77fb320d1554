import assert from "node:assert/strict";
import {test} from "node:test";
import {layoutQuality} from "../../../../src/cells/project/umap/quality.ts";
import {loadDigits} from "./digits.ts";
import {decodeFloat32, reference} from "./reference.ts";

const digits = loadDigits();

test("layoutQuality() scores umap-learn's digits layout exactly as record.py's Python mirror does", () => {
  const {crossCheck} = reference;
  const coordinates = decodeFloat32(crossCheck.coordinates);
  const quality = layoutQuality(digits.vectors, digits.dim, coordinates, crossCheck.nComponents, {k: 15});
  assert.ok(Math.abs(quality.trustworthiness - crossCheck.trustworthiness) < 1e-12);
  assert.ok(Math.abs(quality.knnRecall - crossCheck.knnRecall) < 1e-12);
});

test("layoutQuality() agrees with sklearn.manifold.trustworthiness up to its tie order", () => {
  const {crossCheck} = reference;
  const coordinates = decodeFloat32(crossCheck.coordinates);
  const {trustworthiness} = layoutQuality(digits.vectors, digits.dim, coordinates, crossCheck.nComponents);
  assert.ok(Math.abs(trustworthiness - crossCheck.sklearnTrustworthiness) < 1e-4);
});

test("layoutQuality() gives 1 to a layout that is the data itself", () => {
  const points = Float32Array.from({length: 200 * 2}, (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 1);
  assert.deepEqual(layoutQuality(points, 2, points, 2, {k: 10}), {trustworthiness: 1, knnRecall: 1});
});

test("layoutQuality() on sampled queries estimates the full score", () => {
  const {crossCheck} = reference;
  const coordinates = decodeFloat32(crossCheck.coordinates);
  const queries = Int32Array.from({length: 600}, (_, i) => i * 3);
  const sampled = layoutQuality(digits.vectors, digits.dim, coordinates, crossCheck.nComponents, {queries});
  assert.ok(Math.abs(sampled.trustworthiness - crossCheck.trustworthiness) < 0.005);
});
