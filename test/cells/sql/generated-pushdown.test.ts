// Pushdown on generated data, written to Parquet by DuckDB and read both ways (px.load; px.fromSql over
// read_parquet): TIMESTAMP and UNIX-seconds timestamps, nulls and NaN in numbers, null categories and
// booleans, rows without a vector. Deterministic: every value is a function of the row number.
import assert from "node:assert/strict";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import * as px from "../../../src/index.ts";
import {openDuckDB, type TestDatabase} from "../../helpers/duckdb.ts";
import {close, sameFeatureDrift} from "./compare.ts";

const HOUR = 3_600_000;
const dir = mkdtempSync(join(tmpdir(), "px-pushdown-"));
const schema = {
  predictionId: "id",
  timestamp: "ts",
  features: ["amount", "count", "color", "flag", "when"],
  predictionLabel: "label",
  predictionScore: "score",
  embeddings: {e: {vector: "e"}}
};
let db: TestDatabase;
let memory: [px.Dataset, px.Dataset];
let sql: [px.SqlDataset, px.SqlDataset];

// A fraction in [0, 1) from the row number i and a salt: a multiplicative hash, the same in every engine.
const u = (salt: number) => `(((i * 2654435761 + ${salt} * 40503) % 1000003) / 1000003.0)`;

function rows(n: number, shift: number, time: string): string {
  return `SELECT 'r' || i AS id, ${time} AS ts,
    CASE WHEN i % 7 = 0 THEN NULL WHEN i % 13 = 0 THEN 'NaN'::DOUBLE ELSE ${u(1)} * 100 + ${shift} * 10 END AS amount,
    CAST(floor(${u(2)} * 20) AS INTEGER) AS count,
    CASE WHEN i % 5 = 0 THEN NULL ELSE ['red', 'green', 'blue', 'teal'][1 + CAST(floor(${u(3)} * (3 + ${shift})) AS INTEGER)] END AS color,
    CASE WHEN i % 11 = 0 THEN NULL ELSE ${u(4)} < 0.3 + ${shift} * 0.2 END AS flag,
    TIMESTAMP '2024-01-01' + to_milliseconds(CAST(${u(5)} * 1e9 AS BIGINT)) AS "when",
    CAST(floor(${u(6)} * 4) AS VARCHAR) AS label, ${u(7)} AS score,
    CASE WHEN i % 9 = 0 THEN NULL ELSE [${Array.from({length: 8}, (_, j) => `CAST(${u(10 + j)} + ${shift} * ${j % 2} AS FLOAT)`).join(", ")}] END AS e
    FROM range(${n}) AS t(i)`;
}

before(async () => {
  db = await openDuckDB();
  const files = [join(dir, "production.parquet"), join(dir, "training.parquet")];
  // Production: TIMESTAMPs over ten days; training: UNIX seconds (a DOUBLE) over the ten days before.
  await db.run(
    `COPY (${rows(3000, 1, "TIMESTAMP '2024-02-01' + to_milliseconds(i * 288000 + i % 3)")}) TO '${files[0]}' (FORMAT parquet)`
  );
  await db.run(`COPY (${rows(2000, 0, "1705795200 + i * 432.5")}) TO '${files[1]}' (FORMAT parquet)`);
  memory = [
    await px.load(files[0]!, {schema, name: "production"}),
    await px.load(files[1]!, {schema, name: "training"})
  ];
  sql = [
    await px.fromSql(db, "SELECT * FROM read_parquet(?)", {schema, name: "production", params: [files[0]]}),
    await px.fromSql(db, "SELECT * FROM read_parquet(?)", {schema, name: "training", params: [files[1]]})
  ];
});
after(() => {
  db.close();
  rmSync(dir, {recursive: true, force: true});
});

test("generated data: the rows have nulls, NaN and rows without vectors on both paths", () => {
  assert.equal(memory[0].embeddings.e!.rows.length, 3000 - Math.ceil(3000 / 9));
  assert.deepEqual(sql[0].timeRange, px.datasetTimeRange(memory[0]));
  assert.deepEqual(sql[1].timeRange, px.datasetTimeRange(memory[1]));
});

test("generated data: embedding drift and its series equal the in-memory ones", async () => {
  close(
    (await px.embeddingDrift(...sql, {embedding: "e"})).value,
    px.embeddingDrift(...memory, {embedding: "e"}).value,
    "drift"
  );
  const options = {embedding: "e", evaluationWindow: 24 * HOUR, samplingInterval: 6 * HOUR};
  const expected = px.embeddingDrift(...memory, options).series;
  const actual = (await px.embeddingDrift(...sql, options)).series;
  assert.equal(actual.length, expected.length);
  expected.forEach((point, w) => {
    assert.equal(actual[w]!.count, point.count, `window ${w}`);
    close(actual[w]!.value, point.value, `window ${w}`);
  });
});

test("generated data: feature drift (numbers with nulls and NaN, text, booleans, dates) equals the in-memory one", async () => {
  const options = {evaluationWindow: 48 * HOUR, samplingInterval: 12 * HOUR};
  const expected = px.featureDrift(...memory, options);
  const actual = await px.featureDrift(...sql, options);
  assert.deepEqual(
    expected.map((d) => [d.feature, d.kind]),
    [
      ["amount", "continuous"],
      ["count", "continuous"],
      ["color", "discrete"],
      ["flag", "discrete"],
      ["when", "continuous"],
      ["label", "discrete"],
      ["score", "continuous"]
    ]
  );
  actual.forEach((drift, i) => sameFeatureDrift(drift, expected[i]!));
  assert.ok(expected[0]!.bins.primary.at(-1)! > 0, "amount has a null bin (nulls and NaN)");
});

test("generated data: data quality of the training data (UNIX-seconds timestamps) equals the in-memory one", async () => {
  const timeRange = {start: sql[1].timeRange.start, end: sql[1].timeRange.start + 100 * HOUR};
  for (const options of [{}, {timeRange}]) {
    const expected = px.dataQuality(memory[1], options);
    const actual = await px.dataQuality(sql[1], options);
    expected.columns.forEach((column, i) => {
      for (const key of Object.keys(column) as (keyof px.ColumnQuality)[])
        if (key !== "column") close(actual.columns[i]![key], column[key], `${column.column}.${key}`);
    });
    expected.embeddings[0]!.mean.forEach((v, j) => close(actual.embeddings[0]!.mean[j]!, v, `mean[${j}]`));
  }
});

test("featureDrift() in SQL leaves out by default a feature the reference table lacks; by name it is an error", async () => {
  await db.run("CREATE TABLE production AS SELECT i AS ts, i % 3 AS f1, i % 2 AS f2 FROM range(20) AS t(i)");
  await db.run("CREATE TABLE training AS SELECT i AS ts, i % 3 AS f1 FROM range(20) AS t(i)");
  const primary = await px.fromSql(
    db,
    {table: "production"},
    {schema: {timestamp: "ts", features: ["f1", "f2"]}}
  );
  const reference = await px.fromSql(db, {table: "training"}, {schema: {timestamp: "ts", features: ["f1"]}});
  assert.deepEqual(
    (await px.featureDrift(primary, reference)).map((d) => d.feature),
    ["f1"]
  );
  await assert.rejects(px.featureDrift(primary, reference, {features: ["f2"]}), /unknown feature: "f2"/);
});

test("featureDrift() in SQL leaves out by default a feature whose type has no bins, with a warning; by name it is an error", async () => {
  const table = (name: string, x: string) =>
    db.run(
      `CREATE TABLE ${name} AS SELECT i AS ts, x, CASE WHEN x % 2 = 1 THEN ['a'] ELSE ['a', 'b'] END AS tags
       FROM (SELECT i, unnest(${x}) AS x FROM (SELECT 0 AS i)) AS t`
    );
  await table("list_production", "[2, 3, 4, 5, 6, 7, 8, 9, 10, 10]::DOUBLE[]");
  await table("list_training", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]::DOUBLE[]");
  const open = (table: string) => px.fromSql(db, {table}, {schema: {timestamp: "ts"}, name: table});
  const [primary, reference] = [await open("list_production"), await open("list_training")];
  const drift = await px.featureDrift(primary, reference);
  assert.deepEqual(
    drift.map((d) => d.feature),
    ["x"]
  );
  // As in memory (feature-drift.test.ts): ln(3) / 20.
  close(drift[0]!.value, Math.log(3) / 20, "x");
  assert.deepEqual(drift.warnings, [
    `column "tags" left out: ${primary.source}: cannot measure drift of a List<Utf8> column`
  ]);
  await assert.rejects(px.featureDrift(primary, reference, {features: ["tags"]}), {
    message: `${primary.source}: column "tags": cannot measure drift of a List<Utf8> column`
  });
});

test("featureDrift() in SQL: booleans against numbers key true and false as 1 and 0, as in memory", async () => {
  await db.run(
    "CREATE TABLE bool_production AS SELECT i AS ts, i <> 1 AS label, i <> 1 AS flag FROM range(4) AS t(i)"
  );
  await db.run(
    "CREATE TABLE bool_training AS SELECT i AS ts, CAST(i = 0 AS INTEGER) AS label, CAST(i = 0 AS DOUBLE) AS flag FROM range(4) AS t(i)"
  );
  const schema = {timestamp: "ts", predictionLabel: "label", features: ["flag"]};
  const open = (table: string) => px.fromSql(db, {table}, {schema, name: table});
  const drift = await px.featureDrift(await open("bool_production"), await open("bool_training"));
  // As in memory (feature-drift.test.ts): 1s and 0s (3, 1) against (1, 3), PSI (2/3) ln 2.
  assert.deepEqual(
    drift.map((d) => [d.feature, d.kind, d.bins.labels, [...d.bins.primary], [...d.bins.reference]]),
    [
      ["flag", "discrete", ["0", "1", "null"], [1, 3, 0], [3, 1, 0]],
      ["label", "discrete", ["0", "1", "null"], [1, 3, 0], [3, 1, 0]]
    ]
  );
  for (const d of drift) close(d.value, (2 / 3) * Math.log(2), d.feature);
});
