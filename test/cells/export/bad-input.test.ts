import assert from "node:assert/strict";
import {test} from "node:test";
import {exportRows} from "../../../src/cells/export/export-rows.ts";
import {labels, projectionOf, sample} from "./support.ts";

const csv = {format: "csv"} as const;

test("exportRows() of an empty selection is an error", async () => {
  const datasets = [await sample(), await sample("sample.arrow", "training")];
  for (const selection of [
    {},
    {primary: [], reference: []},
    {projection: projectionOf(datasets), labels, clusters: []}
  ])
    await assert.rejects(exportRows(datasets, selection, csv), /^RangeError: exportRows: empty selection/);
});

test("exportRows() names a row out of range, and the dataset's rows", async () => {
  const datasets = [await sample(), await sample("sample.arrow", "training")];
  const outOfRange = "exportRows: reference row 6 is out of range (training has rows 0 to 5)";
  await assert.rejects(exportRows(datasets, {reference: [0, 6]}, csv), {message: outOfRange});
  await assert.rejects(exportRows(datasets, {primary: [-1]}, csv), /primary row -1 is out of range/);
  await assert.rejects(exportRows(datasets, {primary: [1.5]}, csv), /primary row 1.5 is out of range/);
});

test("exportRows() of reference rows without a reference dataset is an error", async () => {
  await assert.rejects(exportRows([await sample()], {reference: [0]}, csv), /no reference dataset/);
});

test("exportRows() names an unknown cluster and lists the clusters there are", async () => {
  const datasets = [await sample(), await sample("sample.arrow", "training")];
  const selection = {projection: projectionOf(datasets), labels, clusters: [1, 7, -1]};
  await assert.rejects(exportRows(datasets, selection, csv), {
    message: "exportRows: unknown cluster 7, -1 (the clusters are 0, 1, 2)"
  });
});

test("exportRows() refuses cluster labels that do not match the projection's points", async () => {
  const datasets = [await sample(), await sample("sample.arrow", "training")];
  const selection = {projection: projectionOf(datasets), labels: labels.subarray(1), clusters: [1]};
  await assert.rejects(exportRows(datasets, selection, csv), /11 cluster labels for 12 projected points/);
});

test("exportRows() refuses clusters of a projection made from other datasets", async () => {
  const datasets = [await sample(), await sample("sample.arrow", "training")];
  const selection = {projection: projectionOf(datasets), labels, clusters: [1]};
  await assert.rejects(
    exportRows([datasets[0]!], selection, csv),
    /the projection's reference dataset is training \(6 rows\), but no dataset was given/
  );
});

test("exportRows() names an unknown format", async () => {
  const format = "xlsx" as "csv";
  await assert.rejects(exportRows([await sample()], {primary: [0]}, {format}), {
    message: 'exportRows: unknown format: "xlsx" (expected parquet, arrow, csv or jsonl)'
  });
});
