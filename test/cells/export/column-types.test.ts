import assert from "node:assert/strict";
import {test} from "node:test";
import {readTable} from "../../../src/cells/dataset/formats/index.ts";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {exportRows} from "../../../src/cells/export/export-rows.ts";
import {fixture} from "../dataset/formats/fixtures.ts";
import {summarize} from "../dataset/formats/summarize.ts";
import {readBack, sample} from "./support.ts";

// types.parquet (arrow-rs): Int32, Int64 beyond 2^53, Float32, Date32, timestamps, Binary, ragged float lists
// and lists of text, each with nulls or empty values.
async function types() {
  return fromTable((await readTable(fixture("types.parquet"))).table, "types.parquet");
}

for (const format of ["arrow", "parquet"] as const) {
  test(`exportRows() as ${format} keeps every type of types.parquet, values and all`, async () => {
    const dataset = await types();
    const file = await exportRows([dataset], {primary: [2, 0, 1]}, {format});
    assert.deepEqual(await readBack(file), summarize(dataset.table));
  });
}

test("exportRows() as JSONL writes dates, bytes, 64-bit integers and lists as JSON can hold them", async () => {
  const file = await exportRows([await types()], {primary: [0, 2]}, {format: "jsonl"});
  const [first, last] = new TextDecoder()
    .decode(file.bytes)
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(first, {
    int32: 1,
    int64: 1,
    float32: 0.5,
    date: "2023-01-01",
    micros: "2023-01-01T00:00:00.123Z",
    nanos: "2023-01-01T00:00:00.123Z",
    binary: "AP8=", // base64 of the bytes 0, 255
    ragged: [1, 2, 3],
    words: ["a", "b"]
  });
  assert.deepEqual([last!.int64, last!.int32, last!.ragged], ["9007199254740993", null, null]);
});

test("exportRows() takes rows across record batches and slices", async () => {
  const dataset = await sample();
  const table = dataset.table.slice(0, 2).concat(dataset.table.slice(2, 3), dataset.table.slice(3));
  const chunked = fromTable(table, "chunked"); // (the vectors as a plain column: only the export reads them)
  assert.equal(chunked.table.getChild("embedding")!.data.length, 3);
  for (const format of ["arrow", "csv"] as const) {
    const whole = await readBack(await exportRows([dataset], {primary: [1, 2, 4, 5]}, {format}));
    assert.deepEqual(await readBack(await exportRows([chunked], {primary: [1, 2, 4, 5]}, {format})), whole);
  }
});
