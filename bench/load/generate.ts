import {mkdtemp, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Table,
  TimeUnit,
  Timestamp,
  Utf8,
  Vector,
  makeData,
  tableToIPC,
  vectorFromArray
} from "apache-arrow";
import * as wasm from "parquet-wasm";
import {mulberry32} from "../../test/helpers/mulberry32.ts";

/** The workload: rows × dim float32 embeddings plus a few scalar columns, the same in both files. */
export interface Workload {
  readonly rows: number;
  readonly dim: number;
  readonly parquet: string;
  readonly arrow: string;
  readonly dir: string;
}

/**
 * Writes the workload to a temp folder: Parquet as pyarrow writes it by default (snappy, dictionary
 * encoding on, 1 MiB version-1 pages, one row group), through arrow-rs; and an Arrow IPC file.
 */
export async function generate(rows: number, dim: number, seed = 42): Promise<Workload> {
  const next = mulberry32(seed);
  // Unit vectors: what sentence-embedding models give, and as incompressible to snappy as real ones.
  const values = new Float32Array(rows * dim);
  for (let i = 0; i < rows; ++i) {
    let norm = 0;
    for (let k = 0; k < dim; ++k) norm += (values[i * dim + k] = next() * 2 - 1) ** 2;
    for (let k = 0; k < dim; ++k) values[i * dim + k]! /= Math.sqrt(norm);
  }
  const item = new Field("item", new Float32(), true);
  const child = makeData({type: new Float32(), length: values.length, data: values});
  const labels = ["cat", "dog", "bird", "fish"];
  const times = BigInt64Array.from({length: rows}, (_, i) => 1_670_000_000_000n + BigInt(i) * 1000n);
  const table = new Table({
    prediction_id: vectorFromArray(
      Array.from({length: rows}, (_, i) => `id-${i}`),
      new Utf8()
    ),
    timestamp: new Vector([
      makeData({type: new Timestamp(TimeUnit.MILLISECOND, "UTC"), length: rows, data: times})
    ]),
    prediction_score: new Vector([
      makeData({type: new Float64(), length: rows, data: Float64Array.from({length: rows}, next)})
    ]),
    prediction_label: vectorFromArray(
      Array.from({length: rows}, () => labels[Math.floor(next() * 4)]!),
      new Utf8()
    ),
    embedding: new Vector([makeData({type: new FixedSizeList(dim, item), length: rows, nullCount: 0, child})])
  });
  const dir = await mkdtemp(join(tmpdir(), "phoenix-bench-load-"));
  const parquet = join(dir, "data.parquet");
  const arrow = join(dir, "data.arrow");
  const properties = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.SNAPPY).build();
  await writeFile(
    parquet,
    wasm.writeParquet(wasm.Table.fromIPCStream(tableToIPC(table, "stream")), properties)
  );
  await writeFile(arrow, tableToIPC(table, "file"));
  return {rows, dim, parquet, arrow, dir};
}
