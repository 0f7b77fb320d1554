// HDBSCAN on a UMAP projection of real data (the digits), against labels from Python's hdbscan 0.8.33
// recorded by scripts/hdbscan-reference/record.py on the same points.
import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {test} from "node:test";
import {cluster} from "../../../src/cells/cluster/index.ts";
import {adjustedRandIndex} from "./ari.ts";

const fixtures = new URL("../../fixtures/hdbscan/", import.meta.url);
const {dims, points} = JSON.parse(await readFile(new URL("digits-umap-points.json", fixtures), "utf8")) as {
  dims: number;
  points: number[];
};
const reference = JSON.parse(await readFile(new URL("digits-umap-labels.json", fixtures), "utf8")) as {
  cases: {minClusterSize: number; minSamples: number; clusterSelectionEpsilon: number; labels: number[]}[];
};

for (const {minClusterSize, minSamples, clusterSelectionEpsilon, labels} of reference.cases) {
  test(`cluster() agrees with Python hdbscan on the digits' UMAP projection (mcs ${minClusterSize}, ms ${minSamples}, eps ${clusterSelectionEpsilon})`, () => {
    const ours = cluster(
      {coordinates: Float64Array.from(points), nComponents: dims},
      {minClusterSize, minSamples, clusterSelectionEpsilon}
    );
    const ari = adjustedRandIndex(ours.labels, Int32Array.from(labels));
    assert.ok(ari >= 0.99, `ARI ${ari}`);
    assert.equal(ours.nClusters, new Set(labels.filter((l) => l >= 0)).size);
  });
}
