import assert from "node:assert/strict";
import {test} from "node:test";
import {Field, Float64, List, Table, tableFromIPC, vectorFromArray} from "apache-arrow";
import {readTable} from "../../../../src/cells/dataset/formats/index.ts";
import {expectedSample} from "./expected.ts";
import {fixtureBytes} from "./fixtures.ts";
import {bits, summarize} from "./summarize.ts";

test('readTable() types row objects\' columns and names the source "rows"', async () => {
  const when = new Date(Date.UTC(2023, 0, 1));
  const rows = [
    {n: 1, s: "a", b: true, d: when, big: 1n, mixed: 1, v: [1, 2]},
    {n: null, s: null, b: false, d: null, big: 2n, mixed: "x", v: null, extra: {k: 1}}
  ];
  const {table, source} = await readTable(rows);
  assert.equal(source, "rows");
  const {fields, columns} = summarize(table);
  assert.deepEqual(fields, [
    "n: Float64",
    "s: Utf8",
    "b: Bool",
    "d: Timestamp<MILLISECOND, UTC>",
    "big: Int64",
    "mixed: Utf8",
    "v: FixedSizeList[2]<Float32>",
    "extra: Utf8"
  ]);
  assert.deepEqual(columns.mixed, ["1", "x"]);
  assert.deepEqual(columns.extra, [null, '{"k":1}']);
  assert.deepEqual(columns.d, [when.getTime(), null]);
});

test("readTable() parses JSON text and typed arrays in rows' vector columns", async () => {
  const rows = [{v: "[0.5, 1]"}, {v: Float32Array.of(2, 3)}, {v: ""}, {v: []}];
  const {vectors} = summarize((await readTable(rows, {vectorColumns: ["v"]})).table);
  assert.deepEqual(vectors.v, [bits(Float32Array.of(0.5, 1)), bits(Float32Array.of(2, 3)), null, null]);
});

test("readTable() gives vectors of different lengths as List<Float32>", async () => {
  const {table} = await readTable([{v: [1, 2, 3]}, {v: [4]}]);
  assert.equal(String(table.schema.fields[0]!.type), "List<Float32>");
});

test("readTable() keeps an Arrow table's Float32 fixed-size lists as they are", async () => {
  const table = tableFromIPC(fixtureBytes("sample.arrow"));
  const result = await readTable(table);
  assert.equal(result.table, table);
  assert.equal(result.source, "Arrow table");
});

test("readTable() turns an Arrow table's list<double> column into Float32 vectors", async () => {
  const item = new Field("item", new Float64(), true);
  const table = new Table({v: vectorFromArray([[0.1, 2], null, [3, 4]], new List(item))});
  const {vectors, fields} = summarize((await readTable(table)).table);
  assert.deepEqual(fields, ["v: FixedSizeList[2]<Float32>"]);
  assert.deepEqual(vectors.v, [bits(Float32Array.of(0.1, 2)), null, bits(Float32Array.of(3, 4))]);
});

test("readTable() parses an Arrow table's JSON text column listed in vectorColumns", async () => {
  const table = new Table({v: vectorFromArray(["[1, 2]", null])});
  const {vectors} = summarize((await readTable(table, {vectorColumns: ["v"]})).table);
  assert.deepEqual(vectors.v, [bits(Float32Array.of(1, 2)), null]);
});

test("readTable() reads the sample's rows the way it reads the sample's JSON", async () => {
  const rows = JSON.parse(new TextDecoder().decode(fixtureBytes("sample.json"))) as Record<string, unknown>[];
  assert.deepEqual(summarize((await readTable(rows)).table), expectedSample(false));
});

test("readTable() keeps a vector column's place and nulls when its key comes late or goes missing (JSONL)", async () => {
  const text = [
    '{"id": "a"}',
    '{"id": "b", "v": [1, 2], "s": 1}',
    '{"id": "c", "s": 2}',
    '{"v": [3, 4], "id": "d"}'
  ];
  const bytes = new TextEncoder().encode(text.join("\n"));
  const {table} = await readTable(new Blob([bytes]), {format: "jsonl", vectorColumns: ["v"]});
  const {fields, columns, vectors} = summarize(table);
  assert.deepEqual(fields, ["id: Utf8", "v: FixedSizeList[2]<Float32>", "s: Float64"]);
  assert.deepEqual(columns.id, ["a", "b", "c", "d"]);
  assert.deepEqual(vectors.v, [null, bits(Float32Array.of(1, 2)), null, bits(Float32Array.of(3, 4))]);
});
