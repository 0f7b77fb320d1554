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
