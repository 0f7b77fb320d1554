// px.embed's result baked: only the new feature's vectors (a FixedSizeList column, null where a row has none),
// attached again in the page to the dataset it embedded, found among the cell's inputs.
import {Table, type FixedSizeList, type Float32, type Vector} from "apache-arrow";
import {withEmbedding, type Dataset, type EmbeddingColumns} from "../../index.ts";
import type {BakeCodec} from "../../runtime/bake/codec.ts";
import {decodeTable, findDataset, refOf, withMeta, type DatasetRef} from "./arrow-meta.ts";
import {embeddedDatasets} from "./embedded.ts";

interface EmbeddingMeta {
  readonly name: string;
  readonly dim: number;
  readonly input: DatasetRef;
  readonly columns: Omit<EmbeddingColumns, "vector">;
  /** The warnings embedding added to the input's. */
  readonly warnings: readonly string[];
}

export const embeddingCodec: BakeCodec<Dataset> = {
  name: "px.embedding",
  automatic: true,
  accepts: (value): value is Dataset => embeddedDatasets.has(value as Dataset),
  encode(dataset) {
    const {input, name} = embeddedDatasets.get(dataset)!;
    const {vector: _, ...columns} = dataset.schema.embeddings[name]!;
    const meta: EmbeddingMeta = {
      name,
      dim: dataset.embeddings[name]!.dim,
      input: refOf(input),
      columns,
      warnings: dataset.warnings.slice(input.warnings.length)
    };
    return Promise.resolve(withMeta(new Table({vector: dataset.table.getChild(name)!}), meta));
  },
  decode(bytes, {inputs}) {
    const {table, meta} = decodeTable<EmbeddingMeta>(bytes, "embedding");
    const input = findDataset(inputs, meta.input);
    const column = table.getChild("vector") as Vector<FixedSizeList<Float32>> | null;
    if (!column || column.length !== input.numRows) throw new Error("an embedding bake of another length");
    const vectors = new Float32Array(input.numRows * meta.dim);
    const rows: number[] = [];
    for (let i = 0; i < column.length; ++i) {
      const vector = column.get(i);
      if (vector === null) continue;
      rows.push(i);
      vectors.set(vector.toArray() as Float32Array, i * meta.dim);
    }
    const result = {dim: meta.dim, vectors, rows: Int32Array.from(rows), warnings: meta.warnings};
    const dataset = withEmbedding(input, meta.name, meta.columns, result);
    embeddedDatasets.set(dataset, {input, name: meta.name});
    return Promise.resolve(dataset);
  }
};
