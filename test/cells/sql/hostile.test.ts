// Names and values from users never become SQL: identifiers are quoted, values are bound parameters.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import * as px from "../../../src/index.ts";
import {ident, sql} from "../../../src/cells/sql/sql.ts";
import {openDuckDB, type TestDatabase} from "../../helpers/duckdb.ts";

const EVIL_COLUMN = `x" FROM secrets; DROP TABLE secrets; --`;
const EVIL_VECTOR = `v"[1]) AS y FROM secrets --`;
const EVIL_TABLE = `events"; DROP TABLE secrets; --`;
let db: TestDatabase;

before(async () => {
  db = await openDuckDB();
  await db.run("CREATE TABLE secrets AS SELECT 42 AS secret");
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  await db.run(
    `CREATE TABLE ${q(EVIL_TABLE)} AS SELECT i AS ts, i % 3 AS ${q(EVIL_COLUMN)}, [i, 1.0 * i]::FLOAT[] AS ${q(EVIL_VECTOR)} FROM range(100) AS t(i)`
  );
});
after(() => db.close());

const schema = {timestamp: "ts", features: [EVIL_COLUMN], embeddings: {v: {vector: EVIL_VECTOR}}};

test("sql() binds values as parameters and ident() quotes names, doubling the quotes inside", () => {
  const statement = sql`SELECT ${ident(EVIL_COLUMN)} FROM t WHERE name = ${"'; DROP TABLE t; --"}`;
  assert.equal(statement.text, `SELECT "x"" FROM secrets; DROP TABLE secrets; --" FROM t WHERE name = ?`);
  assert.deepEqual(statement.params, ["'; DROP TABLE t; --"]);
  assert.throws(() => ident("a\0b"), /not a usable SQL identifier/);
});

test("hostile table and column names are read as names: drift, quality and the sample work, nothing is dropped", async () => {
  const data = await px.fromSql(db, {table: EVIL_TABLE}, {schema});
  const drift = await px.featureDrift(data, data);
  assert.equal(drift[0]!.feature, EVIL_COLUMN);
  // i % 3 is a number: deciles 0, …, 1, …, 2, deduplicated, outer two dropped: bins (-∞, 1) and [1, +∞).
  assert.deepEqual(Array.from(drift[0]!.bins.reference), [34, 66, 0]);
  assert.equal((await px.embeddingDrift(data, data, {embedding: "v"})).value, 0);
  const quality = await px.dataQuality(data);
  assert.equal(quality.columns[0]!.cardinality, 3);
  assert.deepEqual(Array.from(quality.embeddings[0]!.mean), [49.5, 49.5]);
  const projection = await px.project(data, {embedding: "v", samples: 10, nNeighbors: 5, nEpochs: 10});
  assert.equal(projection.datasets[0]!.numRows, 10);
  const secret = await db.query("SELECT secret FROM secrets");
  assert.equal(secret.getChild("secret")!.get(0), 42);
});

test("a query's ? parameters are values: a value holding '; DROP TABLE is just a value", async () => {
  const data = await px.fromSql(
    db,
    `SELECT * FROM "events""; DROP TABLE secrets; --" WHERE ts < ? OR ? = 'x'`,
    {
      schema,
      params: [10, "'; DROP TABLE secrets; --"]
    }
  );
  assert.equal(data.numRows, 10);
  assert.equal((await db.query("SELECT secret FROM secrets")).numRows, 1);
});

test("an unknown column in the schema is the dataset's error, naming the query", async () => {
  await assert.rejects(
    px.fromSql(db, {table: EVIL_TABLE}, {schema: {timestamp: "nope"}}),
    (error: Error) =>
      error instanceof px.DatasetError &&
      /table "events""; DROP/.test(error.message) &&
      /nope/.test(error.message)
  );
});

test("px.dataQuality in SQL: a column holding ±Infinity has them as its min and max, as in memory", async () => {
  await db.run(
    "CREATE TABLE infinite AS SELECT * FROM (VALUES (1, 1.0), (2, 'Infinity'::DOUBLE), (3, 2.0), (4, '-Infinity'::DOUBLE), (5, 3.0)) t(ts, x)"
  );
  const data = await px.fromSql(db, {table: "infinite"}, {schema: {timestamp: "ts", features: ["x"]}});
  const [x] = (await px.dataQuality(data)).columns;
  // By hand: the smallest value is −Infinity, the largest +Infinity (their 0 and 1 quantiles read NaN before).
  assert.equal(x!.min, -Infinity);
  assert.equal(x!.max, Infinity);
});
