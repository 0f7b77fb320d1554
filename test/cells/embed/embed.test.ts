import assert from "node:assert/strict";
import {test} from "node:test";
import {Float64, Table, tableFromIPC, tableToIPC, Type, vectorFromArray} from "apache-arrow";
import {DatasetError} from "../../../src/cells/dataset/errors.ts";
import {fromTable} from "../../../src/cells/dataset/from-table.ts";
import {embed, EmbedError} from "../../../src/cells/embed/index.ts";
import type {EmbedMethod} from "../../../src/cells/embed/index.ts";
import {datasetOf} from "./datasets.ts";

const sentences = () =>
  datasetOf({
    text: ["The striker scored a goal.", null, "Simmer the sauce.", "!!!"],
    id: [1, 2, 3, 4]
  });

test("embed() returns a new dataset with one more embedding feature and leaves the input as it was", async () => {
  const dataset = sentences();
  const out = await embed(dataset, {column: "text", method: "words"});
  assert.notEqual(out, dataset);
  assert.deepEqual(Object.keys(dataset.embeddings), []);
  assert.equal(dataset.table.numCols, 2);
  assert.deepEqual(out.schema.embeddings, {text_embedding: {rawData: "text", vector: "text_embedding"}});
  assert.deepEqual(
    out.table.schema.fields.map((field) => field.name),
    ["text", "id", "text_embedding"]
  );
  assert.deepEqual(out.schema.features, dataset.schema.features);
});

test("embed() appends a FixedSizeList<Float32> column over the very Float32Array of the vectors", async () => {
  const out = await embed(sentences(), {column: "text", method: "words", name: "v"});
  const {vectors, rows, dim} = out.embeddings.v!;
  const column = out.table.getChild("v")!;
  assert.equal(column.type.typeId, Type.FixedSizeList);
  assert.equal(column.data[0]!.children[0]!.values, vectors);
  assert.deepEqual([...rows], [0, 2]);
  assert.equal(vectors.length, 4 * dim);
  assert.deepEqual(
    [...column].map((value) => value === null),
    [false, true, false, true]
  );
});

test("embed()'s vector column survives an Arrow IPC round trip bit for bit", async () => {
  const out = await embed(sentences(), {column: "text", method: "words"});
  const back = tableFromIPC(tableToIPC(out.table, "file")).getChild("text_embedding")!;
  const row2 = back.get(2)!.toArray() as Float32Array;
  assert.deepEqual(row2, out.embeddings.text_embedding!.vectors.subarray(200, 300));
});

test("embed() is deterministic: the same input gives the same bits", async () => {
  const a = await embed(sentences(), {column: "text", method: "words"});
  const b = await embed(sentences(), {column: "text", method: "words"});
  assert.deepEqual(a.embeddings.text_embedding!.vectors, b.embeddings.text_embedding!.vectors);
});

test("embed() names an unknown column and lists the columns there are", async () => {
  await assert.rejects(embed(sentences(), {column: "txt", method: "words"}), (error: DatasetError) => {
    assert.ok(error instanceof DatasetError);
    assert.match(error.message, /test table: unknown column: "txt" \(expected "text", "id"\)/);
    return true;
  });
});

test("embed() rejects a column of the wrong type, naming it", async () => {
  await assert.rejects(
    embed(sentences(), {column: "id", method: "words"}),
    /test table: column "id": cannot embed Float64 \(expected text\)/
  );
});

test("embed() refuses a name already taken by a column", async () => {
  await assert.rejects(
    embed(sentences(), {column: "text", method: "words", name: "id"}),
    /column "id": the embedding's name is taken/
  );
});

test("embed() rejects an unknown method, naming it", async () => {
  await assert.rejects(
    embed(sentences(), {column: "text", method: "bert" as unknown as EmbedMethod}),
    (error: EmbedError) => error instanceof EmbedError && /unknown method: "bert"/.test(error.message)
  );
});

test("embed() reports progress up to 1 and stops when aborted", async () => {
  const fractions: number[] = [];
  await embed(sentences(), {column: "text", method: "words"}, {progress: (f) => fractions.push(f)});
  assert.equal(fractions.at(-1), 1);
  assert.deepEqual(
    fractions,
    [...fractions].sort((a, b) => a - b)
  );
  const controller = new AbortController();
  controller.abort(new Error("stop"));
  await assert.rejects(
    embed(sentences(), {column: "text", method: "words"}, {signal: controller.signal}),
    /stop/
  );
});

test("embed() appends its column to a table of several record batches, still without a copy", async () => {
  const batch = (x: number[]) => new Table({x: vectorFromArray(x, new Float64())});
  const table = new Table([...batch([1, 2, 3]).batches, ...batch([4, 5]).batches]);
  const out = await embed(fromTable(table, "two batches", {loadTime: 0}), {method: "tabular"});
  const column = out.table.getChild("tabular_embedding")!;
  const {vectors} = out.embeddings.tabular_embedding!;
  assert.equal(out.table.batches.length, 2);
  assert.ok(column.data.every((data) => data.children[0]!.values.buffer === vectors.buffer));
  assert.deepEqual(
    [...column].map((value) => value!.get(0)),
    [...vectors]
  );
});
