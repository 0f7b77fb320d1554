// Expected values are those pyarrow wrote (test/fixtures/stdlib/make-parquet.py), not hyparquet's.
import assert from "node:assert/strict";
import {test} from "node:test";
import type {Table} from "apache-arrow";
import {FileAttachment} from "./fixtures.ts";

const table = (): Promise<Table> => FileAttachment("table.parquet").parquet();
const column = async (name: string): Promise<unknown[]> => [...(await table()).getChild(name)!];

test("FileAttachment.parquet() maps Parquet column types to Arrow types", async () => {
  const types = Object.fromEntries(
    (await table()).schema.fields.map((field) => [field.name, String(field.type)])
  );
  assert.deepEqual(types, {
    id: "Int32",
    count: "Int64",
    small: "Uint8",
    score: "Float64",
    ratio: "Float32",
    label: "Utf8",
    flag: "Bool",
    day: "Date32<DAY>",
    at: "Timestamp<MILLISECOND, UTC>",
    at_us: "Timestamp<MICROSECOND>",
    embedding: "List<Float32>",
    vector: "List<Float64>"
  });
});

test("FileAttachment.parquet() reads integers, with Int64 as bigints", async () => {
  assert.deepEqual(await column("id"), [1, 2, 3]);
  assert.deepEqual(await column("count"), [10n, 20n, 30n]);
  assert.deepEqual(await column("small"), [1, 2, 255]);
});

test("FileAttachment.parquet() reads floats, strings and booleans with their nulls", async () => {
  assert.deepEqual(await column("score"), [0.5, 1.5, null]);
  assert.deepEqual(await column("ratio"), [0.25, 0.5, 0.75]);
  assert.deepEqual(await column("label"), ["a", null, "c"]);
  assert.deepEqual(await column("flag"), [true, false, null]);
});

test("FileAttachment.parquet() reads dates and timestamps as epoch milliseconds", async () => {
  assert.deepEqual(await column("day"), [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), null]);
  assert.deepEqual(await column("at"), [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1, 0, 0, 1, 500), null]);
});

test("FileAttachment.parquet() keeps microsecond timestamps at full precision", async () => {
  const values = (await table()).getChild("at_us")!.data[0]!.values;
  assert.deepEqual(values, new BigInt64Array([1_700_000_000_000_001n, 2n, 3n]));
});

test("FileAttachment.parquet() reads lists of floats as typed arrays, null lists as null", async () => {
  const embedding = (await column("embedding")) as ({toArray(): Float32Array} | null)[];
  assert.deepEqual(
    embedding.map((list) => list?.toArray() ?? null),
    [new Float32Array([1, 2]), new Float32Array([3.5]), null]
  );
  const vector = (await column("vector")) as {toArray(): Float64Array}[];
  assert.deepEqual(
    vector.map((list) => list.toArray()),
    [new Float64Array([0.5]), new Float64Array([]), new Float64Array([1, 2, 3])]
  );
});

test("FileAttachment.parquet() reads each row group as a record batch", async () => {
  const groups = await FileAttachment("groups.parquet").parquet();
  assert.deepEqual(
    groups.batches.map((batch) => batch.numRows),
    [2, 2, 1]
  );
  assert.deepEqual([...groups.getChild("x")!], [0, 1, 2, 3, 4]);
  assert.deepEqual(groups.getChild("embedding")!.get(4)?.toArray(), new Float32Array([4, 4.5]));
});

test("FileAttachment.parquet() rejects a file that is not Parquet, naming it", async () => {
  await assert.rejects(FileAttachment("data.csv").parquet(), /unable to read Parquet "data.csv"/);
});
