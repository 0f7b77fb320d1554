import assert from "node:assert/strict";
import {test} from "node:test";
import {exportRows} from "../../../src/cells/export/export-rows.ts";
import {FORMATS, labels, projectionOf, readBack, sample, TYPED} from "./support.ts";

for (const format of FORMATS) {
  test(`exportRows() of clusters as ${format}: their rows, primary first, tagged with cluster and dataset`, async () => {
    const datasets = [await sample("sample.parquet"), await sample("sample.arrow", "training")];
    const selection = {projection: projectionOf(datasets), labels, clusters: [2, 1]};
    const {columns, fields} = await readBack(await exportRows(datasets, selection, {format}));
    assert.deepEqual(columns.id, ["a2", "a4", "a5", "a0", "a3", "a4"]);
    assert.deepEqual(columns.__phoenix_dataset_name__, [
      ...Array(3).fill("production"),
      ...Array(3).fill("training")
    ]);
    assert.deepEqual(columns.__phoenix_cluster_id__, [1, 1, 2, 2, 1, 1]);
    // Text formats read integers back as Float64, as they read every number.
    assert.equal(fields.at(-1), `__phoenix_cluster_id__: ${TYPED.has(format) ? "Int32" : "Float64"}`);
  });
}

test("exportRows() of a cluster with only primary points adds no dataset name column", async () => {
  const datasets = [await sample("sample.parquet"), await sample("sample.arrow", "training")];
  const only = Int32Array.from([0, 0, 7, -1, 1, 2, 2, 0, -1, 1, 1, 0]);
  const file = await exportRows(
    datasets,
    {projection: projectionOf(datasets), labels: only, clusters: [7]},
    {
      format: "arrow"
    }
  );
  const {fields, columns} = await readBack(file);
  assert.deepEqual(columns.id, ["a2"]);
  assert.deepEqual(fields.slice(-2), [
    "embedding: FixedSizeList[4]<Float32>",
    "__phoenix_cluster_id__: Int32"
  ]);
});
