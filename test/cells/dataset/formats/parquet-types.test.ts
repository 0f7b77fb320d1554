import assert from "node:assert/strict";
import {test} from "node:test";
import {readTable} from "../../../../src/cells/dataset/formats/index.ts";
import {fixture} from "./fixtures.ts";
import {bits, summarize} from "./summarize.ts";

// types.parquet: written by arrow-rs from scripts/fixtures/types-table.ts.
test("readTable() maps Parquet types to Arrow types", async () => {
  const {table} = await readTable(fixture("types.parquet"));
  assert.deepEqual(summarize(table).fields, [
    "int32: Int32",
    "int64: Int64",
    "float32: Float32",
    "date: Date32<DAY>",
    "micros: Timestamp<MICROSECOND, UTC>",
    "nanos: Timestamp<NANOSECOND>",
    "binary: Binary",
    "ragged: List<Float32>",
    "words: List<Utf8>"
  ]);
});

// Timestamps keep their stored unit (the mapping FileAttachment.parquet() shares); Arrow JS reads them as epoch
// milliseconds, fractional below one: 1672531200123456 µs is 1672531200123.456 ms.
test("readTable() keeps Parquet integers exact and timestamps in their stored unit", async () => {
  const {columns} = summarize((await readTable(fixture("types.parquet"))).table);
  assert.deepEqual(columns.int32, [1, -2, null]);
  assert.deepEqual(columns.int64, ["1", "-2", "9007199254740993"]);
  assert.deepEqual(columns.float32, [0.5, -1.5, 3.25]);
  assert.deepEqual(columns.date, [Date.UTC(2023, 0, 1), -86400000, 0]);
  assert.deepEqual(columns.micros, [1672531200123.456, -1.5, 0]);
  assert.deepEqual(columns.nanos, [1672531200123.4568, 0.000001, null]);
  const {table} = await readTable(fixture("types.parquet"));
  assert.deepEqual(table.getChild("nanos")!.data[0]!.values, BigInt64Array.of(1672531200123456789n, 1n, 0n));
  assert.deepEqual(columns.binary, [[0, 255], null, []]);
});

test("readTable() reads ragged float lists as List<Float32>: null elements NaN, empty lists null", async () => {
  const {vectors} = summarize((await readTable(fixture("types.parquet"))).table);
  assert.deepEqual(vectors.ragged, [bits(Float32Array.of(1, 2, 3)), bits(Float32Array.of(4, NaN)), null]);
});

test("readTable() reads lists of strings through hyparquet's assembly", async () => {
  const {table} = await readTable(fixture("types.parquet"));
  const words = table.getChild("words")!;
  assert.deepEqual(
    [0, 1, 2].map((i) => (words.get(i) ? [...words.get(i)!] : null)),
    [["a", "b"], [], null]
  );
});
