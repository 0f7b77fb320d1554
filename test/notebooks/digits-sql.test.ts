// End to end: the digits-through-SQL example notebook, headless (DuckDB in Node). Expected values come from the
// Parquet files read here with hyparquet, an independent reader, and a hand computation: per-digit counts and
// accuracy, the rows of the picked digit, and the distance between its two embedding centroids.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import {asyncBufferFromFile, parquetReadObjects} from "hyparquet";
import type {Table} from "apache-arrow";
import type {Dataset} from "../../src/cells/dataset/dataset.ts";
import nodePlugin from "../../src/bindings/node.ts";
import {openNotebook, type HeadlessNotebook} from "../../src/runtime/headless/open-notebook.ts";

const file = fileURLToPath(new URL("../../notebooks/digits-sql.html", import.meta.url));
const data = (name: string) => fileURLToPath(new URL(`../../notebooks/data/${name}`, import.meta.url));
type Row = {actual_label: string; prediction_label: string; prediction_id: string; image_vector: number[]};
const read = async (name: string) =>
  (await parquetReadObjects({file: await asyncBufferFromFile(data(name))})) as Row[];

let notebook: HeadlessNotebook;
let training: Row[];
let production: Row[];

before(async () => {
  [training, production] = await Promise.all([
    read("digits-training.parquet"),
    read("digits-production.parquet")
  ]);
  notebook = await openNotebook(file, [nodePlugin]);
  assert.ok(await notebook.recorder.whenSettled(120_000), "the notebook did not settle");
});
after(() => notebook.runtime.dispose());

const value = <T>(name: string) => notebook.recorder.report(name)!.value as T;
async function pick(digit: string): Promise<void> {
  const element = value<HTMLSelectElement & {value: unknown}>("viewof digit");
  element.value = digit;
  element.dispatchEvent(new Event("input", {bubbles: true}));
  assert.ok(await notebook.recorder.whenSettled(60_000));
}

function centroid(rows: Row[]): number[] {
  const sum = new Array<number>(rows[0]!.image_vector.length).fill(0);
  for (const row of rows) row.image_vector.forEach((x, i) => (sum[i]! += x));
  return sum.map((x) => x / rows.length);
}

test("every cell fulfils, reading the Parquet files only through SQL cells", () => {
  const reports = notebook.recorder.reports;
  assert.ok(reports.length >= 10);
  for (const report of reports)
    assert.equal(report.status, "fulfilled", `cell ${report.compiled.cell.id}: ${report.error?.describe()}`);
});

test("the per-digit summary equals counts and accuracy computed from the files", () => {
  const byLabel = value<Table>("byLabel");
  const digits = Array.from(byLabel.getChild("digit")!, String);
  assert.deepEqual(digits, ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
  digits.forEach((digit, i) => {
    const inTraining = training.filter((r) => r.actual_label === digit);
    const inProduction = production.filter((r) => r.actual_label === digit);
    const right = inProduction.filter((r) => r.prediction_label === digit).length;
    assert.equal(Number(byLabel.getChild("training")!.get(i)), inTraining.length, `digit ${digit}`);
    assert.equal(Number(byLabel.getChild("production")!.get(i)), inProduction.length, `digit ${digit}`);
    const accuracy = Number(byLabel.getChild("production_accuracy")!.get(i));
    assert.equal(accuracy, Math.round((right / inProduction.length) * 1000) / 1000, `digit ${digit}`);
  });
});

for (const digit of ["3", "8"]) {
  test(`digit ${digit}: the SQL cells return its rows, and the drift is the distance between its centroids`, async () => {
    await pick(digit);
    const expected = {
      production: production.filter((r) => r.actual_label === digit),
      training: training.filter((r) => r.actual_label === digit)
    };
    for (const name of ["production", "training"] as const) {
      const ids = Array.from(value<Dataset>(name).table.getChild("prediction_id")!, String).sort();
      assert.deepEqual(ids, expected[name].map((r) => r.prediction_id).sort(), name);
    }
    const a = centroid(expected.production);
    const b = centroid(expected.training);
    const distance = Math.sqrt(a.reduce((sum, x, i) => sum + (x - b[i]!) ** 2, 0));
    const drift = value<{value: number}>("drift").value;
    assert.ok(Math.abs(drift - distance) < 1e-4, `${drift} vs ${distance}`);
  });
}
