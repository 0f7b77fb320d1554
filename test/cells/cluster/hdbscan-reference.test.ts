import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {cluster} from "../../../src/cells/cluster/index.ts";
import {adjustedRandIndex} from "./ari.ts";

/** Labels from Python hdbscan 0.8.33 (algorithm "generic", float64); see test/fixtures/hdbscan/README.md. */
interface ReferenceCase {
  name: string;
  dims: number;
  minClusterSize: number;
  minSamples: number;
  clusterSelectionEpsilon: number;
  points: number[];
  labels: number[];
}

const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/hdbscan/hdbscan-reference.json", import.meta.url), "utf8")
) as ReferenceCase[];

const clusterCase = ({points, dims, minClusterSize, minSamples, clusterSelectionEpsilon}: ReferenceCase) =>
  cluster(
    {coordinates: new Float32Array(points), nComponents: dims},
    {minClusterSize, minSamples, clusterSelectionEpsilon}
  );

// Not every label can match: where mutual reachability edges tie (common once minSamples > 1, as many
// edges weigh a core distance), which of two clusters a bridging point joins follows the order of equal
// weights, which hdbscan leaves to numpy's unstable argsort. Hence an adjusted Rand index, not equality.
for (const expected of reference) {
  test(`cluster() matches hdbscan on ${expected.name} (ARI ≥ 0.99)`, () => {
    const {labels, nClusters} = clusterCase(expected);
    const ari = adjustedRandIndex(labels, expected.labels);
    assert.ok(ari >= 0.99, `adjusted Rand index ${ari}`);
    assert.equal(nClusters, Math.max(...expected.labels) + 1);
  });
}

test("cluster() labels uniform noise as noise exactly where hdbscan does", () => {
  const cases = reference.filter((entry) => entry.name.startsWith("uniform-noise"));
  assert.equal(cases.length, 2);
  for (const expected of cases) {
    const {labels} = clusterCase(expected);
    assert.deepEqual(
      Array.from(labels, (label) => label < 0),
      expected.labels.map((label) => label < 0),
      expected.name
    );
  }
});
