import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {test} from "node:test";
import {gzipSync} from "node:zlib";
import {readTable} from "../../../../src/cells/dataset/formats/index.ts";
import {expectedSample} from "./expected.ts";
import {fixture} from "./fixtures.ts";
import {summarize} from "./summarize.ts";

const options = {vectorColumns: ["embedding"]};

for (const file of ["sample.parquet", "sample.arrow", "sample.arrows"]) {
  test(`readTable() reads ${file} into the sample table, vectors bit for bit`, async () => {
    const {table, source} = await readTable(fixture(file), options);
    assert.deepEqual(summarize(table), expectedSample(true));
    assert.equal(source, fixture(file));
  });
}

for (const file of ["sample.csv", "sample.tsv", "sample.json", "sample.jsonl"]) {
  test(`readTable() reads ${file} into the sample table, timestamps as text`, async () => {
    const {table} = await readTable(fixture(file), options);
    assert.deepEqual(summarize(table), expectedSample(false));
  });
}

test("readTable() reads the embedding of one Parquet row group as one Float32Array, null rows zeroed", async () => {
  const {table} = await readTable(fixture("sample.parquet"));
  const column = table.getChild("embedding")!;
  assert.equal(column.data.length, 1);
  const values = column.data[0]!.children[0]!.values as Float32Array;
  assert.ok(values instanceof Float32Array);
  assert.deepEqual(Array.from(values.subarray(8, 12)), [0, 0, 0, 0]);
  assert.equal(column.nullCount, 1);
});

test("readTable() gives CSV vector columns not listed in vectorColumns as text", async () => {
  const {table} = await readTable(fixture("sample.csv"));
  assert.equal(String(table.schema.fields.at(-1)!.type), "Utf8");
  assert.equal(table.getChild("embedding")!.get(1), "[1,2,3,4]");
});

for (const file of ["sample.csv", "sample.parquet"]) {
  test(`readTable() reads ${file} gzipped, by its name and by its bytes, as the file itself`, async () => {
    const bytes = gzipSync(await readFile(fixture(file)));
    const plain = summarize((await readTable(fixture(file), options)).table);
    const named = new File([bytes], `${file}.gz`);
    assert.deepEqual(summarize((await readTable(named, options)).table), plain);
    const format = file.endsWith(".csv") ? "csv" : "parquet";
    const unnamed = new File([bytes], "data");
    assert.deepEqual(summarize((await readTable(unnamed, {...options, format})).table), plain);
  });
}

test("readTable() names a broken gzip file", async () => {
  const bytes = gzipSync(Buffer.from("a,b\n1,2\n")).subarray(0, 12);
  await assert.rejects(
    readTable(new File([bytes], "broken.csv.gz")),
    /broken\.csv\.gz: not a valid gzip file/
  );
});

test("readTable(): R's NA, pandas' inf and the other missing markers leave a CSV column of numbers numeric", async () => {
  const csv = [
    "x,y,flag,words,gone",
    "1.5,inf,true,NA,NA",
    "NA,-inf,NA,North,",
    "2,Inf,false,South,null",
    "N/A,-Infinity,True,NA,NA",
    "null,1e3,None,East,#N/A",
    "nan,<NA>,,West,None"
  ].join("\n");
  const {table} = await readTable(new File([csv], "r.csv"));
  const column = (name: string) =>
    Array.from({length: table.numRows}, (_, i) => table.getChild(name)!.get(i));
  assert.deepEqual(
    table.schema.fields.map((field) => `${field.name}: ${field.type}`),
    ["x: Float64", "y: Float64", "flag: Bool", "words: Utf8", "gone: Utf8"]
  );
  assert.deepEqual(column("x"), [1.5, null, 2, null, null, NaN]);
  assert.deepEqual(column("y"), [Infinity, -Infinity, Infinity, -Infinity, 1000, null]);
  assert.deepEqual(column("flag"), [true, null, false, true, null, null]);
  // Among words, NA is a word (North America); a column of nothing but markers is missing throughout.
  assert.deepEqual(column("words"), ["NA", "North", "South", "NA", "East", "West"]);
  assert.deepEqual(column("gone"), [null, null, null, null, null, null]);
});
