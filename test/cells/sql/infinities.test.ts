// The reference's deciles at their edges (±Infinity in a continuous feature, two unique deciles), pushed down
// to DuckDB: the same breaks and bins as in memory, Phoenix's.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import * as px from "../../../src/index.ts";
import {openDuckDB, type TestDatabase} from "../../helpers/duckdb.ts";
import {sameFeatureDrift} from "./compare.ts";

const T0 = Date.UTC(2024, 0, 1) / 1000;
const schema = {timestamp: "ts", features: ["x"]};
let db: TestDatabase;

// Tables of one number column x over i = 0 … 99, a row a second from T0, as the in-memory datasets.
const TABLES: Record<string, (i: number) => number> = {
  primary: (i) => i,
  plusInfinity: (i) => (i < 70 ? i : Infinity),
  minusFirst: (i) => (i === 0 ? -Infinity : i - 1),
  minusInfinity: (i) => (i < 30 ? -Infinity : i - 30),
  twoDeciles: (i) => (i < 95 ? 0 : 1)
};
const SQL: Record<string, string> = {
  primary: "i",
  plusInfinity: "CASE WHEN i < 70 THEN i ELSE 'Infinity'::DOUBLE END",
  minusFirst: "CASE WHEN i = 0 THEN '-Infinity'::DOUBLE ELSE i - 1 END",
  minusInfinity: "CASE WHEN i < 30 THEN '-Infinity'::DOUBLE ELSE i - 30 END",
  twoDeciles: "CASE WHEN i < 95 THEN 0 ELSE 1 END"
};

before(async () => {
  db = await openDuckDB();
  for (const [name, x] of Object.entries(SQL))
    await db.run(
      `CREATE TABLE "${name}" AS SELECT ${T0} + i AS ts, CAST(${x} AS DOUBLE) AS x FROM range(100) AS t(i)`
    );
});
after(() => db.close());

async function both(name: string): Promise<[px.Dataset, px.SqlDataset]> {
  const rows = Array.from({length: 100}, (_, i) => ({ts: T0 + i, x: TABLES[name]!(i)}));
  return [await px.load(rows, {name, schema}), await px.fromSql(db, {table: name}, {name, schema})];
}

test("SQL featureDrift(): +Infinity in the reference counts in its quantiles and lands in the null bin", async () => {
  // Phoenix's figures (test/cells/drift/feature-drift.test.ts): breaks 9.9 … 59.4, PSI 1.31935111066419.
  const [p, pSql] = await both("primary");
  const [q, qSql] = await both("plusInfinity");
  const [x] = await px.featureDrift(pSql, qSql);
  assert.deepEqual([...x!.bins.primary], [10, 10, 10, 10, 10, 10, 40, 0]);
  assert.deepEqual([...x!.bins.reference], [10, 10, 10, 10, 10, 10, 10, 30]);
  assert.ok(Math.abs(x!.value - 1.31935111066419) < 1e-12, `${x!.value}`);
  sameFeatureDrift(x!, px.featureDrift(p, q)[0]!);
  // The other way round: +∞ in the primary is missing there too.
  sameFeatureDrift((await px.featureDrift(qSql, pSql))[0]!, px.featureDrift(q, p)[0]!);
});

test("SQL featureDrift(): −Infinity counts in the reference's quantiles and falls in the first bin", async () => {
  // Phoenix's figures: breaks 9.600000000000001 … 59.10000000000001, PSI 0.6828956855020965.
  const [p, pSql] = await both("minusFirst");
  const [q, qSql] = await both("minusInfinity");
  const [x] = await px.featureDrift(pSql, qSql);
  assert.deepEqual([...x!.bins.primary], [11, 10, 10, 10, 10, 10, 39, 0]);
  assert.deepEqual([...x!.bins.reference], [40, 10, 10, 10, 10, 10, 10, 0]);
  assert.ok(Math.abs(x!.value - 0.6828956855020965) < 1e-12, `${x!.value}`);
  sameFeatureDrift(x!, px.featureDrift(p, q)[0]!);
});

test("SQL featureDrift(): two unique reference deciles make two bins, split at the smaller", async () => {
  // 95 zeros then five 1s (h = 99p): every decile below the maximum is 0; Phoenix keeps 0 alone.
  const [p, pSql] = await both("primary");
  const [q, qSql] = await both("twoDeciles");
  const [x] = await px.featureDrift(pSql, qSql);
  assert.deepEqual(x!.bins.labels, ["(-∞, 0)", "[0, +∞)", "null"]);
  assert.deepEqual([...x!.bins.reference], [0, 100, 0]);
  sameFeatureDrift(x!, px.featureDrift(p, q)[0]!);
});
