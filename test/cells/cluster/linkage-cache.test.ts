import {test} from "node:test";
import assert from "node:assert/strict";
import {cluster} from "../../../src/cells/cluster/index.ts";
import {cachedLinkage} from "../../../src/cells/cluster/linkage-cache.ts";
import {uniformPoints} from "./random.ts";

const points = () => ({coordinates: uniformPoints(2000, 2, 7, 10, 0.01), nComponents: 2});

test("cluster() keeps the tree of the last points and minSamples, so another minClusterSize reuses it", () => {
  const p = points();
  cluster(p, {minClusterSize: 10});
  assert.ok(cachedLinkage(p.coordinates, 2, 1), "kept for these points");
  assert.ok(cachedLinkage(p.coordinates.slice(), 2, 1), "found for a copy of them (a worker's)");
  assert.equal(cachedLinkage(p.coordinates, 2, 3), null, "not for another minSamples");
  p.coordinates[17] = p.coordinates[17]! + 0.5;
  assert.equal(cachedLinkage(p.coordinates, 2, 1), null, "not once a point moved in place");
});

test("cluster() from the kept tree equals cluster() from scratch, bit for bit", () => {
  const p = points();
  cluster(p, {minClusterSize: 10});
  const reused = cluster(p, {minClusterSize: 25, clusterSelectionEpsilon: 0.05});
  cluster({coordinates: uniformPoints(50, 2, 8), nComponents: 2}); // other points: the tree is gone
  assert.equal(cachedLinkage(p.coordinates, 2, 1), null);
  const fresh = cluster(p, {minClusterSize: 25, clusterSelectionEpsilon: 0.05});
  assert.deepEqual(reused, fresh);
  assert.ok(fresh.nClusters > 1);
});
