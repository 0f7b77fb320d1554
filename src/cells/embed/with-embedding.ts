import {Field, FixedSizeList, Float32, makeData, makeVector, Table} from "apache-arrow";
import type {Dataset} from "../dataset/dataset.ts";
import {withSummary} from "../dataset/from-table.ts";
import type {EmbeddingColumns} from "../dataset/schema.ts";
import type {MethodResult} from "./method-result.ts";

/**
 * A new Dataset: the given one plus the embedding feature `name`, whose vectors are also appended to the
 * table as a FixedSizeList<Float32> column (null where a row has none) over the same Float32Array, so that
 * exports carry them without a copy. The input dataset is left as it was.
 *
 * @param dataset - The dataset the embedding joins.
 * @param name - The embedding feature's name.
 * @param columns - The feature's other columns (raw data, link to data), if any.
 * @param result - What the method computed: vectors, the rows that have one, warnings.
 */
export function withEmbedding(
  dataset: Dataset,
  name: string,
  columns: Omit<EmbeddingColumns, "vector">,
  result: MethodResult
): Dataset {
  const {dim, vectors, rows, warnings} = result;
  const n = dataset.numRows;
  const nullCount = n - rows.length;
  const item = new Field("item", new Float32(), false);
  const child = makeData({type: new Float32(), length: n * dim, data: vectors});
  const data = makeData({
    type: new FixedSizeList(dim, item),
    length: n,
    nullCount,
    ...(nullCount ? {nullBitmap: validity(n, rows)} : {}),
    child
  });
  const table = dataset.table.assign(new Table({[name]: makeVector(data)}));
  return withSummary({
    ...dataset,
    table,
    schema: {
      ...dataset.schema,
      embeddings: {...dataset.schema.embeddings, [name]: {...columns, vector: name}}
    },
    embeddings: {...dataset.embeddings, [name]: {name, dim, vectors, rows}},
    warnings: [...dataset.warnings, ...warnings]
  });
}

function validity(n: number, rows: Int32Array): Uint8Array {
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  for (const row of rows) bitmap[row >> 3]! |= 1 << (row & 7);
  return bitmap;
}
