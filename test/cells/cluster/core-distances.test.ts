import {test} from "node:test";
import assert from "node:assert/strict";
import {coreDistancesSquared} from "../../../src/cells/cluster/core-distances.ts";
import {buildKdTree} from "../../../src/cells/cluster/kd-tree.ts";
import {bruteCoreDistances} from "./brute-force.ts";
import {uniformPoints} from "./random.ts";

test("coreDistancesSquared() is the squared distance to the minSamples-th nearest other point", () => {
  const points = uniformPoints(400, 3, 7, 10, 0.5);
  for (const minSamples of [1, 2, 10]) {
    const tree = buildKdTree(points, 3, 8);
    const core = coreDistancesSquared(tree, minSamples);
    const expected = bruteCoreDistances(points, 3, minSamples);
    tree.order.forEach((input, position) => assert.equal(Math.sqrt(core[position]!), expected[input]));
  }
});

test("coreDistancesSquared() counts an exact copy as a neighbour at distance 0", () => {
  const points = Float64Array.of(0, 0, 0, 0, 3, 4);
  const tree = buildKdTree(points, 2);
  const core = coreDistancesSquared(tree, 1);
  assert.deepEqual(
    Array.from(tree.order, (input, position) => [input, core[position]]).sort((a, b) => a[0]! - b[0]!),
    [
      [0, 0],
      [1, 0],
      [2, 25]
    ]
  );
});
