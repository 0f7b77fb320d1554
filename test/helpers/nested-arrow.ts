// A three-row Arrow table of the nested and other non-flat types a notebook hands DuckDB (structs, maps, unions,
// lists of them, intervals, bytes, decimals), with nulls at every level, built with apache-arrow alone (never the
// runtime's code), for the tests of the SQL insert in Node and in the page. Each column's values, row by row, are
// written beside it.
import {
  Binary,
  Decimal,
  Dictionary,
  Field,
  FixedSizeBinary,
  Float64,
  Int32,
  Int64,
  IntervalMonthDayNano,
  IntervalYearMonth,
  List,
  Map_,
  SparseUnion,
  Struct,
  Table,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type Data,
  type DataType
} from "apache-arrow";

const field = <T extends DataType>(name: string, type: T, nullable = true) => new Field(name, type, nullable);
const point = new Struct([field("a", new Int32()), field("b", new Utf8())]);
const mapOf = (key: DataType, value: DataType) =>
  new Map_(
    field(
      "entries",
      new Struct<{key: DataType; value: DataType}>([field("key", key, false), field("value", value)]),
      false
    )
  );
const member = () => new SparseUnion([0, 1], [field("num", new Int32()), field("str", new Utf8())]);

/** Arrow's validity bitmap of `length` rows, the rows in `nulls` unset. */
function validity(length: number, nulls: readonly number[]) {
  const bits = new Uint8Array((length + 7) >> 3).fill(0xff);
  for (const row of nulls) bits[row >> 3]! &= ~(1 << (row & 7));
  return {length, nullCount: nulls.length, nullBitmap: nulls.length ? bits : undefined};
}

const data = (type: DataType, values: readonly unknown[]): Data => vectorFromArray(values, type).data[0]!;

/** A sparse union<num: Int32, str: Utf8> of [member, value] pairs; a null member value is Arrow's null union. */
function union(values: readonly [0 | 1, number | string | null][]): Data {
  return makeData({
    type: member(),
    length: values.length,
    typeIds: Int8Array.from(values, ([m]) => m),
    children: [
      data(
        new Int32(),
        values.map(([m, v]) => (m === 0 ? v : null))
      ),
      data(
        new Utf8(),
        values.map(([m, v]) => (m === 1 ? v : null))
      )
    ]
  });
}

/** Decimal128 words (four little-endian uint32 per value) of unscaled bigints; null rows are zeros. */
function decimalWords(values: readonly (bigint | null)[]): Uint32Array {
  const words = new Uint32Array(values.length * 4);
  values.forEach((value, row) => {
    const bits = BigInt.asUintN(128, value ?? 0n);
    for (let w = 0; w < 4; ++w) words[row * 4 + w] = Number((bits >> BigInt(32 * w)) & 0xffffffffn);
  });
  return words;
}

export function nestedTable(): Table {
  const decimal = (scale: number, precision: number, values: (bigint | null)[]) =>
    makeVector(
      makeData({
        type: new Decimal(scale, precision, 128),
        data: decimalWords(values),
        ...validity(
          values.length,
          values.flatMap((v, row) => (v === null ? [row] : []))
        )
      })
    );
  const deep = new Struct([
    field("l", new List(field("item", new Float64()))),
    field("n", new Struct([field("x", new Int64()), field("c", new Dictionary(new Utf8(), new Int32()))]))
  ]);
  // The union list's elements: 7, then num holding null; the list's offsets 0, 2, 2, 2.
  const unionList = makeData({
    type: new List(field<DataType>("item", member())),
    valueOffsets: Int32Array.of(0, 2, 2, 2),
    child: union([
      [0, 7],
      [0, null]
    ]),
    ...validity(3, [1])
  });
  return new Table({
    id: vectorFromArray([0, 1, 2], new Int32()),
    // {a: 1, b: "x"}, null, {a: null, b: null}
    s: vectorFromArray([{a: 1, b: "x"}, null, {a: null, b: null}], point),
    // {l: [1.5, null], n: {x: 2^53 + 1, c: "red"}}, null, {l: null, n: null}
    deep: vectorFromArray(
      [{l: [1.5, null], n: {x: 9007199254740993n, c: "red"}}, null, {l: null, n: null}],
      deep
    ),
    // {k: 1, j: null}, null, {}
    m: vectorFromArray(
      [
        new Map([
          ["k", 1],
          ["j", null]
        ]),
        null,
        new Map()
      ],
      mapOf(new Utf8(), new Int32())
    ),
    // [{a: 1, b: "x"}, null, {a: null, b: null}], null, []
    ls: vectorFromArray(
      [[{a: 1, b: "x"}, null, {a: null, b: null}], null, []],
      new List(field("item", point))
    ),
    // [{k: 1}, null], null, []
    lm: vectorFromArray(
      [[new Map([["k", 1]]), null], null, []],
      new List(field("item", mapOf(new Utf8(), new Int32())))
    ),
    // num 7, str "q", num holding null
    u: makeVector(
      union([
        [0, 7],
        [1, "q"],
        [0, null]
      ])
    ),
    // [7, num holding null], null, []
    lu: makeVector(unionList),
    // 1 month 2 days 3.5 s (3,500,000,000 ns: low word 3,500,000,000 - 2^32, high 0), null, -1,500 ns (low word
    // -1,500, high -1)
    i: makeVector(
      makeData({
        type: new IntervalMonthDayNano(),
        data: Int32Array.of(1, 2, 3_500_000_000 - 2 ** 32, 0, 0, 0, 0, 0, 0, 0, -1500, -1),
        ...validity(3, [1])
      })
    ),
    // 14 months, -1 month, null
    iy: makeVector(
      makeData({type: new IntervalYearMonth(), data: Int32Array.of(14, -1, 0), ...validity(3, [2])})
    ),
    // 0xAA 0x00 "a", null, no bytes
    b: vectorFromArray([Uint8Array.of(0xaa, 0x00, 0x61), null, new Uint8Array()], new Binary()),
    // 0x01 0x02, null, 0x05 0x06
    fb: makeVector(
      makeData({type: new FixedSizeBinary(2), data: Uint8Array.of(1, 2, 0, 0, 5, 6), ...validity(3, [1])})
    ),
    // 1.50, -2.29, null
    d: decimal(2, 10, [150n, -229n, null]),
    // 12345678901234567890.123456, -0.000001, null
    w: decimal(6, 38, [12345678901234567890123456n, -1n, null]),
    // [1.50, null], null, []: offsets 0, 2, 2, 2 over 150 and a null
    ld: makeVector(
      makeData({
        type: new List(field("item", new Decimal(2, 5, 128))),
        valueOffsets: Int32Array.of(0, 2, 2, 2),
        child: decimal(2, 5, [150n, null]).data[0]!,
        ...validity(3, [1])
      })
    )
  });
}

/** One row per table row: the query the tests run on `t` (the table above), every value as text or a number. */
export const NESTED_QUERY = `SELECT id, s.a AS sa, s.b AS sb, s IS NULL AS snull, deep.l::VARCHAR AS dl,
  deep.n.x::VARCHAR AS nx, deep.n.c AS nc, deep.n IS NULL AS nnull, m['k'] AS mk, m['j'] AS mj, cardinality(m) AS mn,
  ls[1].b AS lsb, ls[2] IS NULL AS ls2null, ls[3].a IS NULL AS ls3a, len(ls) AS lsn, lm[1]['k'] AS lmk,
  lm[2] IS NULL AS lm2null, union_tag(u)::VARCHAR AS ut, u::VARCHAR AS uv, u IS NULL AS unull,
  list_transform(lu, lambda e: e IS NULL)::VARCHAR AS lunull, i::VARCHAR AS iv, iy::VARCHAR AS iyv, hex(b) AS bh,
  hex(fb) AS fbh, d::VARCHAR AS dv, (d * 2)::VARCHAR AS d2, w::VARCHAR AS wv, ld::VARCHAR AS ldv
FROM t ORDER BY id`;

/** The DuckDB types of the table's columns, in order: what duckdb-wasm's Arrow insert makes of them. */
export const NESTED_TYPES = [
  "INTEGER",
  "STRUCT(a INTEGER, b VARCHAR)",
  "STRUCT(l DOUBLE[], n STRUCT(x BIGINT, c VARCHAR))",
  "MAP(VARCHAR, INTEGER)",
  "STRUCT(a INTEGER, b VARCHAR)[]",
  "MAP(VARCHAR, INTEGER)[]",
  "UNION(num INTEGER, str VARCHAR)",
  "UNION(num INTEGER, str VARCHAR)[]",
  "INTERVAL",
  "INTERVAL",
  "BLOB",
  "BLOB",
  "DECIMAL(10,2)",
  "DECIMAL(38,6)",
  "DECIMAL(5,2)[]"
];

/**
 * NESTED_QUERY's rows, by hand from the values above: DuckDB's text of a list, decimal and interval; -1,500 ns is
 * -1 µs (DuckDB truncates towards zero); 1.50 × 2 = 3.00; a null struct's fields are null, a struct of nulls is no
 * null; a union whose member holds null is NULL (so is its tag), as duckdb-wasm's Arrow insert makes it.
 */
export const NESTED_ROWS = [
  {
    id: 0,
    sa: 1,
    sb: "x",
    snull: false,
    dl: "[1.5, NULL]",
    nx: "9007199254740993",
    nc: "red",
    nnull: false,
    mk: 1,
    mj: null,
    mn: 2,
    lsb: "x",
    ls2null: true,
    ls3a: true,
    lsn: 3,
    lmk: 1,
    lm2null: true,
    ut: "num",
    uv: "7",
    unull: false,
    lunull: "[false, true]",
    iv: "1 month 2 days 00:00:03.5",
    iyv: "1 year 2 months",
    bh: "AA0061",
    fbh: "0102",
    dv: "1.50",
    d2: "3.00",
    wv: "12345678901234567890.123456",
    ldv: "[1.50, NULL]"
  },
  {
    id: 1,
    sa: null,
    sb: null,
    snull: true,
    dl: null,
    nx: null,
    nc: null,
    nnull: true,
    mk: null,
    mj: null,
    mn: null,
    lsb: null,
    ls2null: true,
    ls3a: true,
    lsn: null,
    lmk: null,
    lm2null: true,
    ut: "str",
    uv: "q",
    unull: false,
    lunull: null,
    iv: null,
    iyv: "-1 month",
    bh: null,
    fbh: null,
    dv: "-2.29",
    d2: "-4.58",
    wv: "-0.000001",
    ldv: null
  },
  {
    id: 2,
    sa: null,
    sb: null,
    snull: false,
    dl: null,
    nx: null,
    nc: null,
    nnull: true,
    mk: null,
    mj: null,
    mn: 0,
    lsb: null,
    ls2null: true,
    ls3a: true,
    lsn: 0,
    lmk: null,
    lm2null: true,
    ut: null,
    uv: null,
    unull: true,
    lunull: "[]",
    iv: "-00:00:00.000001",
    iyv: null,
    bh: "",
    fbh: "0506",
    dv: null,
    d2: null,
    wv: null,
    ldv: "[]"
  }
];
