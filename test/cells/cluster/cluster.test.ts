import {test} from "node:test";
import assert from "node:assert/strict";
import {cluster, ClusterError, type ClusterOptions} from "../../../src/cells/cluster/index.ts";
import {adjustedRandIndex} from "./ari.ts";
import {seededRandom, uniformPoints} from "./random.ts";

const line = (xs: number[]) => ({coordinates: Float32Array.from(xs), nComponents: 1});

/** Labels renumbered by first appearance (noise stays −1): cluster numbering is not part of the contract. */
const partition = (labels: Int32Array) => {
  const renamed = new Map<number, number>([[-1, -1]]);
  return Array.from(
    labels,
    (label) => renamed.get(label) ?? (renamed.set(label, renamed.size - 1), renamed.size - 2)
  );
};

/** Two tight groups of three with a straggler each (at 4 and 104), and a loner at 50 nearer the first. */
const twoGroups = line([0, 1, 2, 4, 50, 100, 101, 102, 104]);

test("cluster() finds two groups and keeps a straggler in the nearer one", () => {
  // minSamples 1: core distances 1, except 2 for the stragglers and 46 for the loner. The root splits at
  // 50 into {0 … 4, 50} and {100 … 104}; the loner leaves the first at lambda 1/46, the stragglers at 1/2.
  const {labels, sizes, nClusters} = cluster(twoGroups, {minClusterSize: 3});
  assert.equal(nClusters, 2);
  assert.deepEqual(partition(labels), [0, 0, 0, 0, 0, 1, 1, 1, 1]);
  assert.deepEqual(Array.from(sizes).sort(), [4, 5]);
});

test("cluster() gives membership strength as hdbscan's probabilities_", () => {
  // A point's lambda over the largest lambda among its cluster's rows (1, where the core points leave).
  const {probabilities} = cluster(twoGroups, {minClusterSize: 3});
  assert.deepEqual(Array.from(probabilities), [1, 1, 1, 0.5, 1 / 46, 1, 1, 1, 0.5].map(Math.fround));
});

/** Groups A (0 … 4) and B (14 … 18) split at distance 10; C (100 … 104) splits from both at 82. */
const threeGroups = line([0, 1, 2, 4, 14, 15, 16, 18, 100, 101, 102, 104]);

test("cluster() selects the leaves whose stability beats their parent's (excess of mass)", () => {
  const {labels} = cluster(threeGroups, {minClusterSize: 3});
  assert.deepEqual(partition(labels), [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
});

test("cluster() merges clusters that split below clusterSelectionEpsilon", () => {
  const {labels, probabilities} = cluster(threeGroups, {minClusterSize: 3, clusterSelectionEpsilon: 20});
  assert.deepEqual(partition(labels), [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
  // A and B left their merged parent at lambda 1/10, which caps every member's lambda; C is as it was.
  assert.deepEqual(Array.from(probabilities), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5]);
  assert.equal(cluster(threeGroups, {minClusterSize: 3, clusterSelectionEpsilon: 5}).nClusters, 3);
});

test("cluster() never selects the root: one group is all noise", () => {
  const {labels, nClusters} = cluster(line([0, 1, 2, 3, 4, 5, 6, 7]), {minClusterSize: 3});
  assert.equal(nClusters, 0);
  assert.deepEqual(Array.from(labels), new Array(8).fill(-1));
});

test("cluster() defaults to minClusterSize 10, minSamples 1, clusterSelectionEpsilon 0", () => {
  const points = {coordinates: Float32Array.from(uniformPoints(400, 2, 11)), nComponents: 2};
  const explicit = cluster(points, {minClusterSize: 10, minSamples: 1, clusterSelectionEpsilon: 0});
  assert.deepEqual(cluster(points), explicit);
  assert.deepEqual(cluster(points, {minClusterSize: undefined}), explicit);
});

test("cluster() is deterministic", () => {
  const points = {coordinates: Float32Array.from(uniformPoints(2000, 3, 12, 10, 0.25)), nComponents: 3};
  assert.deepEqual(cluster(points, {minSamples: 4}), cluster(points, {minSamples: 4}));
});

test("cluster() gives every exact copy of a point the label of the original", () => {
  const blobs = gaussianBlobs(300, 13);
  const coordinates = Float32Array.from([...blobs, ...blobs.subarray(0, 2 * 60)]);
  for (const minSamples of [1, 5]) {
    const {labels} = cluster({coordinates, nComponents: 2}, {minSamples});
    for (let i = 0; i < 60; ++i) assert.equal(labels[300 + i], labels[i], `copy of point ${i}`);
  }
});

test("cluster() is insensitive to input order up to ties", () => {
  const blobs = gaussianBlobs(600, 14);
  const shuffled = new Float32Array(blobs.length);
  const order = Array.from({length: 600}, (_, i) => (i * 7919) % 600);
  order.forEach((from, to) => shuffled.set(blobs.subarray(2 * from, 2 * from + 2), 2 * to));
  const original = cluster({coordinates: blobs, nComponents: 2}).labels;
  const reordered = cluster({coordinates: shuffled, nComponents: 2}).labels;
  assert.ok(
    adjustedRandIndex(
      order.map((from) => original[from]!),
      reordered
    ) >= 0.99
  );
});

test("cluster() returns labels from 0, sizes that count them and probabilities in [0, 1]", () => {
  const {labels, sizes, probabilities, nClusters} = cluster({
    coordinates: gaussianBlobs(800, 15),
    nComponents: 2
  });
  assert.ok(nClusters >= 2);
  assert.equal(sizes.length, nClusters);
  const counts = new Array<number>(nClusters).fill(0);
  labels.forEach((label, i) => {
    assert.ok(label >= -1 && label < nClusters);
    if (label >= 0) ++counts[label]!;
    const p = probabilities[i]!;
    assert.ok(label < 0 ? p === 0 : p > 0 && p <= 1, `point ${i}: label ${label}, probability ${p}`);
  });
  assert.deepEqual(Array.from(sizes), counts);
});

test("cluster() takes a minSamples beyond the points as n − 1, and fewer than 2 points as noise", () => {
  assert.equal(cluster(line([0, 1, 2, 10, 11, 12]), {minClusterSize: 3, minSamples: 50}).labels.length, 6);
  assert.deepEqual(Array.from(cluster(line([5])).labels), [-1]);
  assert.deepEqual(cluster(line([])), {
    labels: new Int32Array(0),
    sizes: new Int32Array(0),
    probabilities: new Float32Array(0),
    nClusters: 0
  });
});

test("cluster() names the first point with a NaN or infinite coordinate", () => {
  const coordinates = new Float32Array(60);
  coordinates[17 * 3 + 1] = NaN;
  coordinates[19 * 3] = -Infinity;
  assert.throws(() => cluster({coordinates, nComponents: 3}), {
    name: "ClusterError",
    stage: "hdbscan",
    message: "cluster: point 17 has a NaN coordinate"
  });
  coordinates[17 * 3 + 1] = 0;
  assert.throws(() => cluster({coordinates, nComponents: 3}), {
    message: "cluster: point 19 has an infinite coordinate (-Infinity)"
  });
});

test("cluster() rejects a bad shape", () => {
  const coordinates = new Float32Array(10);
  assert.throws(
    () => cluster({coordinates, nComponents: 3}),
    /coordinates.length 10 is not a multiple of nComponents 3/
  );
  assert.throws(() => cluster({coordinates, nComponents: 0}), /nComponents must be an integer ≥ 1 \(got 0\)/);
  assert.throws(
    () => cluster({coordinates, nComponents: 2.5}),
    /nComponents must be an integer ≥ 1 \(got 2.5\)/
  );
  const list = [1, 2, 3, 4] as unknown as Float32Array;
  assert.throws(
    () => cluster({coordinates: list, nComponents: 2}),
    /coordinates must be a Float32Array or Float64Array/
  );
});

test("cluster() rejects bad options, naming them with their value", () => {
  const points = line([0, 1, 2, 3]);
  const bad: [ClusterOptions, RegExp][] = [
    [{minClusterSize: 1}, /minClusterSize must be an integer ≥ 2 \(got 1\)/],
    [{minClusterSize: 4.5}, /minClusterSize must be an integer ≥ 2 \(got 4.5\)/],
    [{minSamples: 0}, /minSamples must be an integer ≥ 1 \(got 0\)/],
    [{minSamples: NaN}, /minSamples must be an integer ≥ 1 \(got NaN\)/],
    [{clusterSelectionEpsilon: -0.5}, /clusterSelectionEpsilon must be a finite number ≥ 0 \(got -0.5\)/],
    [
      {clusterSelectionEpsilon: Infinity},
      /clusterSelectionEpsilon must be a finite number ≥ 0 \(got Infinity\)/
    ],
    [{minClusterSize: "5" as unknown as number}, /minClusterSize must be an integer ≥ 2 \(got "5"\)/]
  ];
  for (const [options, message] of bad) {
    assert.throws(
      () => cluster(points, options),
      (error: unknown) => error instanceof ClusterError && message.test(error.message)
    );
  }
});

/** Five seeded gaussian blobs in 2-D with 10% uniform noise, row-major. */
function gaussianBlobs(n: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centers = [
    [0, 0],
    [8, 1],
    [3, 9],
    [-7, 6],
    [-5, -8]
  ];
  const points = new Float32Array(2 * n);
  for (let i = 0; i < n; ++i) {
    const center = centers[i % 5]!;
    const noise = random() < 0.1;
    for (let d = 0; d < 2; ++d) points[2 * i + d] = noise ? (random() - 0.5) * 30 : center[d]! + gaussian();
  }
  return points;
}
