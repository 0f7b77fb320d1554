import assert from "node:assert/strict";
import {test} from "node:test";
import {readTable} from "../../../../src/cells/dataset/formats/index.ts";
import {expectedSample} from "./expected.ts";
import {fixture} from "./fixtures.ts";
import {summarize} from "./summarize.ts";

// The same sample, written by arrow-rs with each codec, encoding, page version, embedding shape and
// row-group split: every one must read back to the same table.
const variants: Record<string, string> = {
  "sample.uncompressed.parquet": "uncompressed",
  "sample.gzip.parquet": "GZIP",
  "sample.zstd.parquet": "ZSTD",
  "sample.brotli.parquet": "BROTLI",
  "sample.lz4_raw.parquet": "LZ4_RAW",
  "sample.plain.parquet": "PLAIN (no dictionary)",
  "sample.v2.parquet": "data page v2",
  "sample.v2-zstd.parquet": "data page v2, ZSTD",
  "sample.list.parquet": "list<float> embeddings",
  "sample.double.parquet": "list<double> embeddings",
  "sample.rowgroups.parquet": "three row groups"
};

for (const [file, what] of Object.entries(variants)) {
  test(`readTable() reads Parquet with ${what} into the sample table`, async () => {
    const {table} = await readTable(fixture(file));
    assert.deepEqual(summarize(table), expectedSample(true));
  });
}

test("readTable() keeps Parquet row groups' embeddings in one buffer", async () => {
  const {table} = await readTable(fixture("sample.rowgroups.parquet"));
  assert.equal(table.batches.length, 1);
  assert.equal(table.getChild("embedding")!.data[0]!.children[0]!.length, 6 * 4);
});
