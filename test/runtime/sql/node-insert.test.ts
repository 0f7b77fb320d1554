// An Arrow table inserted into Node's DuckDB (what DuckDBClient.of and the runtime do): structs, maps, unions,
// intervals, bytes and decimals become DuckDB's own types, as duckdb-wasm's Arrow insert makes them in the page
// (test/browser/sql-cells.test.ts compares both), with each row's values and nulls at every level.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {
  Decimal,
  DenseUnion,
  Field,
  Float16,
  Int32,
  IntervalDayTime,
  List,
  Map_,
  SparseUnion,
  Struct,
  Table,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type DataType
} from "apache-arrow";
import type {SqlEngine} from "../../../src/runtime/sql/database.ts";
import {createDuckDB} from "../../../src/runtime/sql/duckdb-node.ts";
import {NESTED_QUERY, NESTED_ROWS, NESTED_TYPES, nestedTable} from "../../helpers/nested-arrow.ts";
import {TIMES_QUERY, TIMES_ROWS, TIMES_TYPES, timesTable} from "../../helpers/times-arrow.ts";

let db: SqlEngine;

before(async () => {
  db = await createDuckDB();
});

after(() => db.close());

const field = <T extends DataType>(name: string, type: T, nullable = true) => new Field(name, type, nullable);

async function columnTypes(table: string): Promise<string[]> {
  const types = await db.query(
    "SELECT data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
    [table]
  );
  return types.toArray().map((row) => row.data_type as string);
}

async function rows(query: string): Promise<Record<string, unknown>[]> {
  return (await db.query(query)).toArray().map((row) => row.toJSON());
}

test("insertTable makes structs, maps, unions, intervals, bytes and decimals (and lists of them) DuckDB's own types", async () => {
  await db.insertTable("t", nestedTable());
  assert.deepEqual(await columnTypes("t"), NESTED_TYPES);
  // The page's `SELECT t.s.a FROM t`: a struct's field, not a string's.
  assert.deepEqual(await rows("SELECT t.s.a FROM t ORDER BY id"), [{a: 1}, {a: null}, {a: null}]);
});

test("insertTable keeps each nested value and its nulls at every level, as SQL reads them back", async () => {
  await db.insertTable("t", nestedTable());
  assert.deepEqual(await rows(NESTED_QUERY), NESTED_ROWS);
});

test("a nested column longer than a data chunk, in two record batches, keeps every row's values", async () => {
  // 5,000 rows: row r is [{a: r}, {a: -r}] and {"k": r}, null when r is a multiple of 7; batches of 3,000 and 2,000,
  // so chunks of 2,048 rows straddle the batches' edge.
  const point = new Struct([field("a", new Int32())]);
  const entries = new Struct([field("key", new Utf8(), false), field("value", new Int32())]);
  const batch = (from: number, to: number) =>
    new Table({
      id: vectorFromArray(
        Array.from({length: to - from}, (_, i) => from + i),
        new Int32()
      ),
      ls: vectorFromArray(
        Array.from({length: to - from}, (_, i) =>
          (from + i) % 7 ? [{a: from + i}, {a: -(from + i)}] : null
        ),
        new List(field("item", point))
      ),
      m: vectorFromArray(
        Array.from({length: to - from}, (_, i) => ((from + i) % 7 ? new Map([["k", from + i]]) : null)),
        new Map_(field("entries", entries, false))
      )
    });
  const table = batch(0, 3000).concat(batch(3000, 5000));
  assert.equal(table.batches.length, 2);
  await db.insertTable("long", table);
  // By hand: 0 + 1 + … + 4999 = 12,497,500, of which the 715 multiples of 7 (0 … 4998 = 7 × 714) sum to
  // 7 × (714 × 715 / 2) = 1,786,785; the rest, 10,710,715, in 4,285 rows of two elements.
  assert.deepEqual(
    await rows(
      "SELECT count(*) FILTER (ls IS NULL) AS nulls, sum(ls[1].a) AS first, sum(ls[2].a) AS second, " +
        "sum(len(ls)) AS items, sum(m['k']) AS keys, count(*) FILTER (m IS NULL) AS mapNulls FROM long"
    ),
    [{nulls: 715, first: 10_710_715, second: -10_710_715, items: 8570, keys: 10_710_715, mapNulls: 715}]
  );
  assert.deepEqual(
    await rows(
      "SELECT id, ls[1].a AS a, m['k'] AS k FROM long WHERE id IN (2047, 2048, 2999, 3000, 4095, 4097) ORDER BY id"
    ),
    [
      {id: 2047, a: 2047, k: 2047},
      {id: 2048, a: 2048, k: 2048},
      {id: 2999, a: 2999, k: 2999},
      {id: 3000, a: 3000, k: 3000},
      {id: 4095, a: null, k: null},
      {id: 4097, a: 4097, k: 4097}
    ]
  );
});

test("a dense union, a union with type ids other than 0, 1…, and a day-time interval keep their values", async () => {
  // Dense: ids [0, 1, 0], offsets [0, 0, 1] into num [7, null] and str ["q"]. Sparse with ids 5 and 9: 9 is str.
  const members = () => [field("num", new Int32()), field("str", new Utf8())];
  const dense = makeData({
    type: new DenseUnion([0, 1], members()),
    length: 3,
    typeIds: Int8Array.of(0, 1, 0),
    valueOffsets: Int32Array.of(0, 0, 1),
    children: [vectorFromArray([7, null], new Int32()).data[0]!, vectorFromArray(["q"], new Utf8()).data[0]!]
  });
  const sparse = makeData({
    type: new SparseUnion([5, 9], members()),
    length: 3,
    typeIds: Int8Array.of(9, 5, 5),
    children: [
      vectorFromArray([null, 3, null], new Int32()).data[0]!,
      vectorFromArray(["z", null, null], new Utf8()).data[0]!
    ]
  });
  // Day-time: 2 days and 3,500 ms; -1 day and -1 ms; then the first again (a column of two chunks).
  const dayTime = makeData({type: new IntervalDayTime(), length: 2, data: Int32Array.of(2, 3500, -1, -1)});
  await db.insertTable(
    "u",
    new Table({
      dense: makeVector(dense),
      sparse: makeVector(sparse),
      dt: makeVector([dayTime, dayTime]).slice(0, 3)
    })
  );
  assert.deepEqual(
    await rows(
      "SELECT union_tag(dense) AS dt, dense::VARCHAR AS d, union_tag(sparse) AS st, sparse::VARCHAR AS s, dt::VARCHAR AS i FROM u"
    ),
    [
      {dt: "num", d: "7", st: "str", s: "z", i: "2 days 00:00:03.5"},
      {dt: "str", d: "q", st: "num", s: "3", i: "-1 day -00:00:00.001"},
      {dt: null, d: null, st: null, s: null, i: "2 days 00:00:03.5"}
    ]
  );
});

test("a decimal wider than DuckDB's 38 digits is its exact text; a narrower 256-bit one a DECIMAL", async () => {
  // 150 unscaled at scale 2 is 1.50; -1 is -0.01 (its eight words all ones).
  const words = Uint32Array.of(150, 0, 0, 0, 0, 0, 0, 0, ...new Array<number>(8).fill(0xffffffff));
  const decimal = (precision: number) =>
    makeVector(makeData({type: new Decimal(2, precision, 256), length: 2, data: words}));
  await db.insertTable("w", new Table({wide: decimal(40), narrow: decimal(20)}));
  assert.deepEqual(await columnTypes("w"), ["VARCHAR", "DECIMAL(20,2)"]);
  assert.deepEqual(await rows("SELECT wide, narrow::VARCHAR AS narrow FROM w"), [
    {wide: "1.50", narrow: "1.50"},
    {wide: "-0.01", narrow: "-0.01"}
  ]);
});

test("a map with a key twice, or struct fields without a name or of one name, are refused naming the column", async () => {
  // A map row of entries ("k", 1) and ("k", 2): offsets 0, 2.
  const entries = new Struct([field("key", new Utf8(), false), field("value", new Int32())]);
  const twice = makeData({
    type: new Map_(field("entries", entries, false)),
    length: 1,
    valueOffsets: Int32Array.of(0, 2),
    child: vectorFromArray(
      [
        {key: "k", value: 1},
        {key: "k", value: 2}
      ],
      entries
    ).data[0]!
  });
  await assert.rejects(
    db.insertTable("bad", new Table({m: makeVector(twice)})),
    /^SqlError: table "bad", column "m": a map holds the key "k" twice/
  );
  const struct = (...names: string[]) =>
    vectorFromArray([null], new Struct(names.map((name) => field(name, new Int32()))));
  await assert.rejects(
    db.insertTable("bad", new Table({s: struct("")})),
    /table "bad", column "s": a struct field without a name/
  );
  await assert.rejects(
    db.insertTable("bad", new Table({s: struct("a", "a")})),
    /table "bad", column "s": two struct fields named "a"/
  );
});

test("timestamps keep their unit and every digit, times are TIME and durations INTERVAL, as in the page", async () => {
  await db.insertTable("t", timesTable());
  assert.deepEqual(await columnTypes("t"), TIMES_TYPES);
  assert.deepEqual(await rows(TIMES_QUERY), TIMES_ROWS);
});

test("a half-precision float is its number, not its bits", async () => {
  // 0x3e00 is 1.5 and 0xc000 is -2 in IEEE 754 half precision (sign, 5 exponent bits, 10 fraction bits).
  const half = makeData({type: new Float16(), length: 2, data: Uint16Array.of(0x3e00, 0xc000)});
  await db.insertTable("h", new Table({h: makeVector(half)}));
  assert.deepEqual(await rows("SELECT h FROM h"), [{h: 1.5}, {h: -2}]);
});
