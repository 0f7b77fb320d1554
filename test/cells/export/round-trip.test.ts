import assert from "node:assert/strict";
import {test} from "node:test";
import {Field, FixedSizeList, Float32, makeData, Table, Utf8, Vector, vectorFromArray} from "apache-arrow";
import {Random} from "../../../src/cells/random.ts";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {exportRows} from "../../../src/cells/export/export-rows.ts";
import {expectedSample} from "../dataset/formats/expected.ts";
import {bits, summarize} from "../dataset/formats/summarize.ts";
import {FORMATS, penguins, pickRows, readBack, sample, TYPED} from "./support.ts";

// Parquet and Arrow give back the Arrow types exported. CSV and JSONL give back what our readers infer from
// text: timestamps as ISO-8601 text (Utf8), numbers as Float64, the embedding (listed as a vector column)
// as FixedSizeList<Float32>: expectedSample(false) is the sample as every text format reads it.
for (const format of FORMATS) {
  test(`exportRows() as ${format}: selected primary rows read back in row order, vectors bit for bit`, async () => {
    const file = await exportRows([await sample()], {primary: [5, 0, 2, 3, 3]}, {format});
    assert.equal(file.rows, 4);
    assert.deepEqual(await readBack(file), pickRows(expectedSample(TYPED.has(format)), [0, 2, 3, 5]));
  });

  test(`exportRows() as ${format}: primary rows first, then reference rows, named by dataset`, async () => {
    const datasets = [await sample("sample.parquet"), await sample("sample.arrow", "training")];
    const file = await exportRows(datasets, {primary: [1], reference: [4, 0]}, {format});
    const names = ["production", "training", "training"];
    const expected = pickRows(expectedSample(TYPED.has(format)), [1, 0, 4], {
      fields: ["__phoenix_dataset_name__: Utf8"],
      columns: {__phoenix_dataset_name__: names}
    });
    assert.deepEqual(await readBack(file), expected);
  });

  test(`exportRows() as ${format}: penguins rows read back with the same values and types`, async () => {
    const dataset = await penguins();
    const file = await exportRows([dataset], {primary: [343, 0, 200, 3, 100]}, {format});
    assert.deepEqual(await readBack(file), pickRows(summarize(dataset.table), [0, 3, 100, 200, 343]));
  });

  test(`exportRows() as ${format}: random float32 bit patterns (−0, subnormals, extremes) survive`, async () => {
    const dataset = randomVectors(64, 16, 7);
    const file = await exportRows([dataset], {primary: Array.from({length: 64}, (_, i) => i)}, {format});
    assert.deepEqual((await readBack(file)).vectors, summarize(dataset.table).vectors);
  });
}

test("exportRows() as JSONL writes 64-bit integers as numbers while safe, beyond 2^53 as strings", async () => {
  const table = new Table({big: vectorFromArray([1n, -(2n ** 53n) + 1n, 2n ** 60n])});
  const file = await exportRows([fromTable(table, "big.arrow")], {primary: [0, 1, 2]}, {format: "jsonl"});
  assert.deepEqual(new TextDecoder().decode(file.bytes).trim().split("\n"), [
    '{"big":1}',
    '{"big":-9007199254740991}',
    '{"big":"1152921504606846976"}'
  ]);
});

test("exportRows() as CSV quotes fields by RFC 4180 and writes vectors as JSON arrays", async () => {
  const file = await exportRows([await sample()], {primary: [5]}, {format: "csv"});
  assert.equal(
    new TextDecoder().decode(file.bytes),
    "id,timestamp,score,category,flag,embedding\r\n" +
      'a5,2023-01-01T05:30:00.000Z,42,"dog, ""quoted""",true,"[0,1e-7,-10000000,65504]"\r\n'
  );
});

// n vectors of `dim` float32s drawn as raw bit patterns (NaN and ±Infinity redrawn: embeddings must be finite).
function randomVectors(n: number, dim: number, seed: number) {
  const next = new Random(seed);
  const values = new Float32Array(n * dim);
  const words = new Uint32Array(values.buffer);
  for (let i = 0; i < values.length; ++i) {
    do words[i] = next.int();
    while (!Number.isFinite(values[i]!));
  }
  values.set([-0, 1.4e-45, -3.4028234663852886e38, 1e-40], 0);
  const type = new FixedSizeList(dim, new Field("item", new Float32(), true));
  const child = makeData({type: new Float32(), length: values.length, data: values});
  const table = new Table({
    id: vectorFromArray(
      Array.from({length: n}, (_, i) => `v${i}`),
      new Utf8()
    ),
    embedding: new Vector([makeData({type, length: n, child})])
  });
  const dataset = fromTable(table, "random.arrow", {
    schema: {embeddings: {embedding: {vector: "embedding"}}}
  });
  assert.deepEqual(summarize(dataset.table).vectors.embedding![0], bits(values.subarray(0, dim)));
  return dataset;
}
