// The last projection of a dataset pair, found again only under the very options it was made with.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {Dataset, Projection, ResolvedProjectOptions} from "../../src/index.ts";
import {LastProjections} from "../../src/bindings/last-projections.ts";

const options: ResolvedProjectOptions = {
  embedding: "image_embedding",
  nComponents: 2,
  nNeighbors: 30,
  minDist: 0,
  samples: 500,
  nEpochs: undefined,
  metric: "euclidean",
  seed: 1,
  timeRange: undefined,
  threads: 1
};
const primary = {} as Dataset;
const reference = {} as Dataset;
const projectionOf = (datasets: Dataset[], with_: ResolvedProjectOptions) =>
  ({datasets, options: with_}) as unknown as Projection;

test("LastProjections.get() returns the projection made with equal options, in any key order", () => {
  const last = new LastProjections();
  const projection = projectionOf([primary, reference], options);
  last.set(projection);
  // As a baked projection's options read back: JSON order, undefined options appended at the end.
  const {nEpochs: _, timeRange: __, ...rest} = options;
  const readBack = {...rest, nEpochs: undefined, timeRange: undefined} as ResolvedProjectOptions;
  assert.equal(last.get([primary, reference], readBack), projection);
});

test("LastProjections.get() misses on another option, window or dataset pair", () => {
  const last = new LastProjections();
  last.set(projectionOf([primary, reference], options));
  assert.equal(last.get([primary, reference], {...options, minDist: 0.5}), undefined);
  assert.equal(last.get([primary, reference], {...options, timeRange: {start: 0, end: 1}}), undefined);
  assert.equal(last.get([primary], options), undefined);
  assert.equal(last.get([reference, primary], options), undefined);
});

test("LastProjections.set() replaces the pair's last projection", () => {
  const last = new LastProjections();
  last.set(projectionOf([primary, reference], options));
  const next = projectionOf([primary, reference], {...options, samples: 200});
  last.set(next);
  assert.equal(last.get([primary, reference], options), undefined);
  assert.equal(last.get([primary, reference], {...options, samples: 200}), next);
});
