// bench/sql-insert: copying an Arrow table into Node's DuckDB (createDuckDB's insertTable, what DuckDBClient.of
// and the runtime use), on seeded tables built in this process: 1M rows of flat columns (numbers with and without
// nulls, 64-bit integers, text, dictionary text, timestamps, booleans), and 200k rows of nested ones (a struct, a
// list of structs, a map, a decimal, bytes). Median of RUNS inserts after an untimed one, each into a fresh table.
import {
  Binary,
  Bool,
  Decimal,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  List,
  Map_,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type Data,
  type DataType
} from "apache-arrow";
import {createDuckDB} from "../../src/runtime/sql/duckdb-node.ts";
import {arrowData} from "../../src/runtime/sql/arrow-data.ts";
import {collectGarbage} from "../collect-garbage.ts";
import {quantile} from "../stats.ts";
import type {BenchReport} from "../suite.ts";

const FLAT_ROWS = Number(process.env.PX_BENCH_INSERT_ROWS ?? 1_000_000);
const NESTED_ROWS = FLAT_ROWS / 5;
const RUNS = 5;

/** A seeded generator of uint32s (xorshift32). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

/** Every tenth row null. */
function tenthNull(rows: number): Uint8Array {
  const bits = new Uint8Array((rows + 7) >> 3).fill(0xff);
  for (let row = 0; row < rows; row += 10) bits[row >> 3]! &= ~(1 << (row & 7));
  return bits;
}

function flatTable(rows: number): Table {
  const next = random(1);
  const ids = Int32Array.from({length: rows}, (_, i) => i);
  const x = Float64Array.from({length: rows}, () => next() / 2 ** 32);
  const y = Float64Array.from({length: rows}, () => next() / 2 ** 32);
  const n = BigInt64Array.from({length: rows}, () => BigInt(next()) * 1000n);
  const t = BigInt64Array.from({length: rows}, (_, i) => BigInt(Date.UTC(2024, 0, 1) + i * 1000));
  const labels = ["alpha", "beta", "gamma", "delta"];
  const data = (type: DataType, values: ArrayLike<unknown>, nulls?: Uint8Array): Data =>
    makeData({
      type,
      length: rows,
      data: values,
      nullCount: nulls ? Math.ceil(rows / 10) : 0,
      nullBitmap: nulls
    } as never);
  return new Table({
    id: makeVector(data(new Int32(), ids)),
    x: makeVector(data(new Float64(), x)),
    y: makeVector(data(new Float64(), y, tenthNull(rows))),
    n: makeVector(data(new Int64(), n)),
    s: vectorFromArray(
      Array.from({length: rows}, (_, i) => `row-${i}`),
      new Utf8()
    ),
    label: vectorFromArray(
      Array.from({length: rows}, (_, i) => labels[i & 3]!),
      new Dictionary(new Utf8(), new Int32())
    ),
    t: makeVector(data(new TimestampMillisecond(), t)),
    b: vectorFromArray(
      Array.from({length: rows}, (_, i) => i % 3 === 0),
      new Bool()
    )
  });
}

function nestedTable(rows: number): Table {
  const next = random(2);
  const point = new Struct([new Field("a", new Int32(), true), new Field("b", new Utf8(), true)]);
  const entries = new Struct([new Field("key", new Utf8(), false), new Field("value", new Float64(), true)]);
  const column = (type: DataType, value: (row: number) => unknown) =>
    makeVector(
      arrowData(
        type,
        Array.from({length: rows}, (_, row) => (row % 10 === 9 ? null : value(row)))
      )
    );
  const words = new Uint32Array(rows * 4);
  for (let row = 0; row < rows; ++row) words[row * 4] = next() % 1_000_000;
  return new Table({
    s: column(point, (row) => [row, `p${row}`]),
    ls: column(new List(new Field("l", point, true)), (row) => [
      [row, "a"],
      [row + 1, null]
    ]),
    m: column(new Map_(new Field("entries", entries, false)), (row) => [
      ["x", row / 2],
      ["y", null]
    ]),
    d: makeVector(makeData({type: new Decimal(2, 12, 128), length: rows, data: words})),
    bytes: column(new Binary(), (row) => Uint8Array.of(row & 255, (row >> 8) & 255, 7))
  });
}

async function timeInserts(table: Table): Promise<number> {
  const db = await createDuckDB({threads: 1});
  try {
    const samples: number[] = [];
    for (let run = -1; run < RUNS; ++run) {
      collectGarbage();
      const start = performance.now();
      await db.insertTable("t", table);
      if (run >= 0) samples.push(performance.now() - start);
    }
    const count = (await db.query("SELECT count(*)::INTEGER AS n FROM t")).get(0)!.n as number;
    if (count !== table.numRows) throw new Error(`inserted ${count} rows of ${table.numRows}`);
    return quantile(samples, 0.5);
  } finally {
    db.close();
  }
}

export async function run(): Promise<BenchReport> {
  const flat = flatTable(FLAT_ROWS);
  const nested = nestedTable(NESTED_ROWS);
  const rows: string[][] = [];
  for (const [what, table] of [
    ["flat: Int32, Float64, Float64 (10% null), Int64, Utf8, Dictionary<Utf8>, Timestamp, Bool", flat],
    ["nested: Struct<{a, b}>, List<Struct>, Map<Utf8, Float64>, Decimal(12,2), Binary (10% null)", nested]
  ] as const) {
    const ms = await timeInserts(table);
    rows.push([
      what,
      table.numRows.toLocaleString("en"),
      `${(ms / 1000).toFixed(2)} s`,
      `${((table.numRows / ms) * 1000).toLocaleString("en", {maximumFractionDigits: 0})}`
    ]);
  }
  return {
    title: `insertTable into Node's DuckDB (threads 1), median of ${RUNS} after an untimed one; node ${process.version}`,
    tables: [{columns: ["columns", "rows", "median time", "rows/s"], rows}],
    notes: ["PX_BENCH_INSERT_ROWS sets the flat table's rows (the nested one has a fifth as many)"]
  };
}
