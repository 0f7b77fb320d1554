// Pushdown on the digits: px.fromSql over the Parquet files in DuckDB gives what px.load and the in-memory
// cells give, to 1e-6 (most values are equal to the last bit).
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {after, before, test} from "node:test";
import * as px from "../../../src/index.ts";
import {openDuckDB, type TestDatabase} from "../../helpers/duckdb.ts";
import {close, sameFeatureDrift} from "./compare.ts";

const data = new URL("../../../notebooks/data/", import.meta.url).pathname;
const schema = JSON.parse(readFileSync(`${data}digits-schema.json`, "utf8")) as px.PhoenixSchemaJson;
const HOUR = 3_600_000;
let db: TestDatabase;
let memory: [px.Dataset, px.Dataset];
let sql: [px.SqlDataset, px.SqlDataset];

before(async () => {
  db = await openDuckDB();
  const files = ["production", "training"].map((name) => `${data}digits-${name}.parquet`);
  memory = [
    await px.load(files[0]!, {schema, name: "production"}),
    await px.load(files[1]!, {schema, name: "training"})
  ];
  sql = [
    await px.fromSql(db, "SELECT * FROM read_parquet(?)", {schema, name: "production", params: [files[0]]}),
    await px.fromSql(db, "SELECT * FROM read_parquet(?)", {schema, name: "training", params: [files[1]]})
  ];
});
after(() => db.close());

test("px.fromSql reads the rows, the embedding's length and the time range px.load gives", () => {
  assert.equal(sql[0].numRows, memory[0].numRows);
  assert.equal(sql[0].embeddings.image_embedding!.dim, memory[0].embeddings.image_embedding!.dim);
  assert.deepEqual(sql[0].timeRange, px.datasetTimeRange(memory[0]));
  assert.deepEqual(sql[0].schema, memory[0].schema);
});

test("px.embeddingDrift in SQL equals the in-memory value over the whole range and a time range", async () => {
  const options = {embedding: "image_embedding"};
  const whole = px.embeddingDrift(...memory, options);
  const pushed = await px.embeddingDrift(...sql, options);
  assert.equal(pushed.count, whole.count);
  close(pushed.value, whole.value, "drift");
  const timeRange = {start: memory[0].timestamps[10]!, end: memory[0].timestamps[10]! + 48 * HOUR};
  const ranged = await px.embeddingDrift(...sql, {...options, timeRange});
  assert.equal(ranged.count, px.embeddingDrift(...memory, {...options, timeRange}).count);
  close(ranged.value, px.embeddingDrift(...memory, {...options, timeRange}).value, "drift in range");
});

test("px.embeddingDrift's series in SQL equals the in-memory series, window by window", async () => {
  // Overlapping windows that are not a multiple of the interval (rows fall in runs of 3 or 4 windows), on to
  // a day past the last row, where windows are empty.
  const {start, end} = sql[0].timeRange;
  const timeRange = {start, end: end + 24 * HOUR};
  const options = {
    embedding: "image_embedding",
    evaluationWindow: 7 * HOUR,
    samplingInterval: 2 * HOUR,
    timeRange
  };
  const expected = px.embeddingDrift(...memory, options).series;
  const actual = (await px.embeddingDrift(...sql, options)).series;
  assert.equal(actual.length, expected.length);
  assert.ok(expected.some((p) => p.value === null) && expected.some((p) => p.value !== null));
  expected.forEach((point, w) => {
    assert.equal(actual[w]!.timestamp, point.timestamp);
    assert.equal(actual[w]!.count, point.count, `window ${w}`);
    close(actual[w]!.value, point.value, `window ${w}`);
  });
});

test("px.featureDrift in SQL equals the in-memory bins, counts, values and series for every metric", async () => {
  for (const metric of ["psi", "kl", "js"] as const) {
    const options = {metric, evaluationWindow: 72 * HOUR, samplingInterval: 12 * HOUR};
    const expected = px.featureDrift(...memory, options);
    const actual = await px.featureDrift(...sql, options);
    assert.deepEqual(
      actual.map((d) => d.feature),
      expected.map((d) => d.feature)
    );
    actual.forEach((drift, i) => sameFeatureDrift(drift, expected[i]!));
  }
});

test("px.dataQuality in SQL equals the in-memory statistics and mean vectors", async () => {
  const timeRange = {start: sql[0].timeRange.start, end: sql[0].timeRange.start + 96 * HOUR};
  for (const options of [{}, {timeRange}]) {
    const expected = px.dataQuality(memory[0], options);
    const actual = await px.dataQuality(sql[0], options);
    expected.columns.forEach((column, i) => {
      const got = actual.columns[i]!;
      for (const key of Object.keys(column) as (keyof px.ColumnQuality)[]) {
        if (key === "column") assert.equal(got.column, column.column);
        else close(got[key], column[key], `${column.column}.${key}`);
      }
    });
    const [mean, got] = [expected.embeddings[0]!, actual.embeddings[0]!];
    assert.equal(got.count, mean.count);
    mean.mean.forEach((value, j) => close(got.mean[j]!, value, `mean[${j}]`));
  }
});

test("one dataset in memory and one in a database is an error naming both", () => {
  assert.throws(
    // The types refuse the mix too; a notebook's JavaScript is not type-checked.
    () =>
      (px.embeddingDrift as (...args: unknown[]) => unknown)(memory[0], sql[1], {
        embedding: "image_embedding"
      }),
    /primary is in memory \(px\.load\) but the reference is in a database/
  );
});
