import {test} from "node:test";
import assert from "node:assert/strict";
import {coreDistancesSquared} from "../../../src/cells/cluster/core-distances.ts";
import {buildKdTree} from "../../../src/cells/cluster/kd-tree.ts";
import {mutualReachabilityMst} from "../../../src/cells/cluster/mst.ts";
import {UnionFind} from "../../../src/cells/cluster/union-find.ts";
import {brutePrimWeight} from "./brute-force.ts";
import {uniformPoints} from "./random.ts";

function spanningTree(points: Float64Array, dims: number, minSamples: number) {
  const tree = buildKdTree(points, dims, 4); // small leaves: deeper trees, more pruning exercised
  return mutualReachabilityMst(tree, coreDistancesSquared(tree, minSamples));
}

// Uniform points, points snapped to a coarse grid (many equal weights) and points each given an exact copy.
const sets = [
  {name: "uniform 2-D", dims: 2, points: uniformPoints(300, 2, 1)},
  {name: "uniform 3-D", dims: 3, points: uniformPoints(250, 3, 2)},
  {name: "uniform 3-D, 800 points", dims: 3, points: uniformPoints(800, 3, 8)},
  {name: "grid 2-D (ties)", dims: 2, points: uniformPoints(300, 2, 3, 10, 1)},
  {name: "grid 3-D (ties)", dims: 3, points: uniformPoints(200, 3, 4, 6, 1)},
  {
    name: "copies 2-D",
    dims: 2,
    points: Float64Array.from([...uniformPoints(120, 2, 5), ...uniformPoints(120, 2, 5)])
  }
];

for (const {name, dims, points} of sets) {
  for (const minSamples of [1, 3, 8]) {
    test(`mutualReachabilityMst() weighs what brute-force Prim's does: ${name}, minSamples ${minSamples}`, () => {
      const {weight} = spanningTree(points, dims, minSamples);
      const total = weight.reduce((sum, w) => sum + w, 0);
      const expected = brutePrimWeight(points, dims, minSamples);
      assert.ok(Math.abs(total - expected) <= 1e-9 * expected, `${total} vs ${expected}`);
    });
  }
}

test("mutualReachabilityMst() returns n − 1 edges that connect every point", () => {
  const points = uniformPoints(500, 3, 6);
  const {from, to} = spanningTree(points, 3, 2);
  assert.equal(from.length, 499);
  const sets = new UnionFind(500);
  for (let i = 0; i < from.length; ++i) assert.ok(sets.union(from[i]!, to[i]!), `edge ${i} closes a cycle`);
});
