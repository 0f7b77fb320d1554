import assert from "node:assert/strict";
import {test} from "node:test";
import {binShares, shortBinLabel} from "../../../src/components/feature-drift-table/bins-chart.ts";
import {sortDrift} from "../../../src/components/feature-drift-table/sort.ts";
import {tinyDrift} from "../fixtures.ts";

test("sortDrift() orders by value either way, NaN last, or keeps the given order", () => {
  const drift = [...tinyDrift(), {...tinyDrift()[0]!, feature: "empty", value: NaN}];
  const names = (order: "descending" | "ascending" | "none") => sortDrift(drift, order).map((d) => d.feature);
  assert.deepEqual(names("descending"), ["brightness", "prediction_score", "ink", "empty"]);
  assert.deepEqual(names("ascending"), ["ink", "prediction_score", "brightness", "empty"]);
  assert.deepEqual(names("none"), ["ink", "brightness", "prediction_score", "empty"]);
});

test("binShares() gives each bin's share of its dataset, leaving out bins empty on both sides", () => {
  assert.deepEqual(binShares(tinyDrift()[0]!, ["production", "training"]), [
    {bin: "bin 0", dataset: "production", share: 0.25},
    {bin: "bin 0", dataset: "training", share: 0.5},
    {bin: "bin 1", dataset: "production", share: 0.75},
    {bin: "bin 1", dataset: "training", share: 0.5}
  ]);
});

test("shortBinLabel() cuts a bin's numbers to 3 significant digits", () => {
  assert.equal(shortBinLabel("[0.0648447621, 0.119874524)"), "[0.0648, 0.12)");
  assert.equal(shortBinLabel("(-∞, -12.3456)"), "(-∞, -12.3)");
  assert.equal(shortBinLabel("[1234.5678, +∞)"), "[1230, +∞)");
  assert.equal(shortBinLabel("7"), "7");
});
