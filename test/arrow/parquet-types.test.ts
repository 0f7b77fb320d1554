// One Parquet → Arrow mapping: px.load's reader (readTable) and FileAttachment.parquet() give every column of
// the same file the same Arrow type and the same values. Two writers: arrow-rs (types.parquet, see
// scripts/fixtures/types-table.ts) and pyarrow (table.parquet, test/fixtures/stdlib/make-parquet.py).
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Table} from "apache-arrow";
import {readTable} from "../../src/cells/dataset/formats/index.ts";
import {parquetToArrow} from "../../src/runtime/stdlib/parquet.ts";

const files = {
  "types.parquet": fileURLToPath(new URL("../fixtures/datasets/types.parquet", import.meta.url)),
  "table.parquet": fileURLToPath(new URL("../fixtures/stdlib/table.parquet", import.meta.url))
};

const types = (table: Table) => table.schema.fields.map((field) => `${field.name}: ${String(field.type)}`);

// Each cell as plain data: bigints as text, typed arrays and Arrow lists as arrays, bytes as arrays.
function rows(table: Table): unknown[][] {
  const plain = (value: unknown): unknown =>
    typeof value === "bigint"
      ? String(value)
      : value instanceof Uint8Array
        ? [...value]
        : value !== null && typeof value === "object" && Symbol.iterator in value
          ? [...(value as Iterable<unknown>)].map(plain)
          : value;
  return table.schema.fields.map((field) => [...table.getChild(field.name)!].map(plain));
}

for (const [name, path] of Object.entries(files)) {
  test(`px.load's reader and FileAttachment.parquet() read ${name} alike: types and values`, async () => {
    const bytes = readFileSync(path);
    const viaLoad = (await readTable(path)).table;
    const viaAttachment = await parquetToArrow(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)
    );
    // FileAttachment keeps Float64 lists as they are; px.load narrows float lists to Float32 (embeddings).
    const comparable = (table: Table) =>
      types(table).map((type) => type.replace("List<Float64>", "List<Float32>"));
    assert.deepEqual(comparable(viaAttachment), comparable(viaLoad));
    const flat = (table: Table) => rows(table).filter((_, i) => !types(table)[i]!.includes("List<"));
    assert.deepEqual(flat(viaAttachment), flat(viaLoad));
  });
}
