// node-api's results as Arrow: nested values (structs, maps, unions, lists of them) keep their shape and their
// nulls at every level, with the types duckdb-wasm gives the page (see test/browser/sql-cells.test.ts).
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {DataType, UnionMode, type Field, type Table} from "apache-arrow";
import type {SqlEngine} from "../../../src/runtime/sql/database.ts";
import {createDuckDB} from "../../../src/runtime/sql/duckdb-node.ts";

let db: SqlEngine;

before(async () => {
  db = await createDuckDB();
});

after(() => db.close());

/** A value as plain data by its Arrow type: a struct an object, a map its [key, value] pairs, a list an array. */
function plain(value: unknown, type: DataType): unknown {
  if (value === null) return null;
  if (DataType.isStruct(type))
    return Object.fromEntries(
      type.children.map((field) => [
        field.name,
        plain((value as Record<string, unknown>)[field.name], field.type)
      ])
    );
  if (DataType.isMap(type)) {
    const [key, item] = type.children[0]!.type.children as Field[];
    return Array.from(value as Iterable<[unknown, unknown]>, ([k, v]) => [
      plain(k, key!.type),
      plain(v, item!.type)
    ]);
  }
  if (DataType.isList(type) || DataType.isFixedSizeList(type))
    return Array.from(value as Iterable<unknown>, (item) => plain(item, type.children[0]!.type));
  return value;
}

const types = (table: Table) => table.schema.fields.map((field) => `${field.name}: ${field.type}`);
const rows = (table: Table) =>
  table
    .toArray()
    .map((row) => Object.fromEntries(table.schema.fields.map((f) => [f.name, plain(row[f.name], f.type)])));

test("a STRUCT is Arrow's Struct, its fields in DuckDB's order, each typed by the same rules at any depth", async () => {
  const table = await db.query(
    "SELECT {'b': 'x', 'a': 1} AS s, {'t': [TIMESTAMP '2024-03-05 06:07:08.009', NULL]," +
      " 'n': {'x': 9007199254740991::BIGINT, 'd': DATE '1970-01-02', 'c': 1.5::DECIMAL(4,2)}} AS deep"
  );
  assert.deepEqual(types(table), [
    "s: Struct<{b:Utf8, a:Int32}>",
    "deep: Struct<{t:List<Date64<MILLISECOND>>, n:Struct<{x:Float64, d:Date32<DAY>, c:Float64}>}>"
  ]);
  const row = table.get(0)!;
  assert.equal(row.s.a, 1);
  assert.equal(row.s.b, "x");
  // 2024-03-05T06:07:08.009Z is Date.UTC(2024, 2, 5, 6, 7, 8, 9) = 1709618828009 ms; 1970-01-02 is 86,400,000 ms.
  assert.deepEqual(rows(table), [
    {
      s: {b: "x", a: 1},
      deep: {t: [1709618828009, null], n: {x: 9007199254740991, d: 86_400_000, c: 1.5}}
    }
  ]);
});

test("a MAP is Arrow's Map of key/value entries, as duckdb-wasm gives it", async () => {
  const table = await db.query("SELECT MAP {'k': 1, 'j': NULL} AS m, MAP {1: [2, 3]} AS mi, MAP {} AS me");
  assert.deepEqual(types(table), [
    "m: Map<{key:Utf8, value:Int32}>",
    "mi: Map<{key:Int32, value:List<Int32>}>",
    "me: Map<{key:Int32, value:Int32}>"
  ]);
  // duckdb-wasm's: entries, and their keys, are never null; a value may be.
  const entries = table.schema.fields[0]!.type.children[0] as Field;
  assert.deepEqual(
    [entries, ...entries.type.children].map((field: Field) => [field.name, field.nullable]),
    [
      ["entries", false],
      ["key", false],
      ["value", true]
    ]
  );
  const row = table.get(0)!;
  assert.equal(row.m.k, 1);
  assert.deepEqual(row.m.toJSON(), {k: 1, j: null});
  assert.deepEqual(rows(table), [
    {
      m: [
        ["k", 1],
        ["j", null]
      ],
      mi: [[1, [2, 3]]],
      me: []
    }
  ]);
});

test("nulls stay nulls at every level: a struct, a field, a map, a map's value, a list of structs, an element", async () => {
  const table = await db.query(
    "SELECT * FROM (VALUES ({'a': 1, 'l': [1]}, MAP {'k': 1}, [{'x': 1}])," +
      " (NULL, NULL, NULL)," +
      " ({'a': NULL, 'l': [NULL]}, MAP {'k': NULL}, [NULL, {'x': NULL}])," +
      " ({'a': 2, 'l': NULL}, MAP {}, [])) t(s, m, ls)"
  );
  assert.deepEqual(types(table), [
    "s: Struct<{a:Int32, l:List<Int32>}>",
    "m: Map<{key:Utf8, value:Int32}>",
    "ls: List<Struct<{x:Int32}>>"
  ]);
  assert.deepEqual(rows(table), [
    {s: {a: 1, l: [1]}, m: [["k", 1]], ls: [{x: 1}]},
    {s: null, m: null, ls: null},
    {s: {a: null, l: [null]}, m: [["k", null]], ls: [null, {x: null}]},
    {s: {a: 2, l: null}, m: [], ls: []}
  ]);
  assert.deepEqual(
    table.schema.fields.map((field) => table.getChild(field.name)!.nullCount),
    [1, 1, 1]
  );
});

test("a UNION is Arrow's sparse Union: each row its member's value, typed by the same rules", async () => {
  const table = await db.query(
    "SELECT * FROM (VALUES (union_value(num := 2)::UNION(num BIGINT, str VARCHAR))," +
      " (union_value(str := 'q')::UNION(num BIGINT, str VARCHAR)), (NULL)) t(u)"
  );
  const {type} = table.schema.fields[0]!;
  assert.equal(String(type), "Union<Float64 | Utf8>");
  assert.ok(DataType.isUnion(type) && type.mode === UnionMode.Sparse);
  assert.deepEqual(
    type.children.map((field: Field) => field.name),
    ["num", "str"]
  );
  assert.deepEqual(table.getChild("u")!.toArray(), [2, "q", null]);
});

test("an INTERVAL is Arrow's month-day-nanosecond interval: months, days, then the nanoseconds' two 32-bit words", async () => {
  const table = await db.query(
    "SELECT INTERVAL '1 month 2 days 3.5 seconds' AS i, INTERVAL '-3.5 seconds' AS n, [INTERVAL '1 day'] AS l," +
      " NULL::INTERVAL AS z"
  );
  assert.deepEqual(types(table), [
    "i: Interval<MONTH_DAY_NANO>",
    "n: Interval<MONTH_DAY_NANO>",
    "l: List<Interval<MONTH_DAY_NANO>>",
    "z: Interval<MONTH_DAY_NANO>"
  ]);
  // 3.5 s is 3,500,000,000 ns: past 2^31, so its low word read signed is 3,500,000,000 - 2^32 = -794,967,296 and
  // its high word 0; -3,500,000,000 = -1 × 2^32 + 794,967,296.
  assert.deepEqual(rows(table), [
    {
      i: new Int32Array([1, 2, -794_967_296, 0]),
      n: new Int32Array([0, 0, 794_967_296, -1]),
      l: [new Int32Array([0, 1, 0, 0])],
      z: null
    }
  ]);
});

test("a BIT is Binary of DuckDB's bytes, as duckdb-wasm gives it: the padding's length, then the bits padded with 1s", async () => {
  const table = await db.query("SELECT '101'::BIT AS b, '0000000011'::BIT AS c, NULL::BIT AS z");
  assert.deepEqual(types(table), ["b: Binary", "c: Binary", "z: Binary"]);
  // 3 bits: 5 padding bits, 0b11111_101; 10 bits: 6 of padding, 0b111111_00 then 0b00000011.
  assert.deepEqual(rows(table), [
    {b: new Uint8Array([5, 0b11111101]), c: new Uint8Array([6, 0b11111100, 0b00000011]), z: null}
  ]);
});

test("a struct whose fields share a name (an unnamed ROW) is refused, naming the column", async () => {
  await assert.rejects(db.query("SELECT 1 AS one, ROW(1, 'a') AS r"), (error: Error) => {
    assert.match(error.message, /^column "r": .*STRUCT\("" INTEGER, "" VARCHAR\).*name its fields/);
    return true;
  });
});

test("nested columns keep every value and null past one chunk (2,048 rows)", async () => {
  const table = await db.query(
    "SELECT CASE WHEN range % 3 = 0 THEN NULL ELSE {'i': range, 'm': MAP {'k': [range]}} END AS s FROM range(5000)"
  );
  const column = table.getChild("s")!;
  const type = table.schema.fields[0]!.type;
  for (const row of [0, 1, 2, 2047, 2048, 2049, 4999])
    assert.deepEqual(
      plain(column.get(row), type),
      row % 3 === 0 ? null : {i: row, m: [["k", [row]]]},
      `row ${row}`
    );
  assert.equal(column.nullCount, Math.ceil(5000 / 3));
});
