import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {Field, FixedSizeList, Float32, makeData, Table, tableToIPC, Vector} from "apache-arrow";
import * as wasm from "parquet-wasm";
import {gaussianMixture} from "../project/mixture.ts";
import {workload} from "../project/workload.ts";

/** A notebook of one cell that needs nothing: what a cold start costs when the cells cost nothing. */
export const ONE_CELL = `<!doctype html>
<notebook>
  <title>One cell</title>
  <script id="1" type="application/vnd.observable.javascript">
    answer = 6 * 7
  </script>
</notebook>
`;

/**
 * Writes bench/project's workload for `n` points (the same seeded 384-d Gaussian mixture) into `dir` as
 * vectors.parquet (a fixed_size_list<float> column, snappy, through arrow-rs), and a notebook that loads it
 * and projects it with the same UMAP settings as bench/project; resolves to the notebook's path.
 */
export async function writeProjectNotebook(dir: string, n: number): Promise<string> {
  const work = workload(n);
  const {dim} = work.mixture;
  const values = gaussianMixture(work.mixture);
  const child = makeData({type: new Float32(), length: values.length, data: values});
  const type = new FixedSizeList(dim, new Field("item", new Float32(), true));
  const table = new Table({embedding: new Vector([makeData({type, length: n, nullCount: 0, child})])});
  const properties = new wasm.WriterPropertiesBuilder().setCompression(wasm.Compression.SNAPPY).build();
  const ipc = wasm.Table.fromIPCStream(tableToIPC(table, "stream"));
  await writeFile(join(dir, "vectors.parquet"), wasm.writeParquet(ipc, properties));
  const {nNeighbors, nComponents, minDist, nEpochs, seed} = work;
  const options = {embedding: "e", samples: n, nNeighbors, nComponents, minDist, nEpochs, seed};
  const cell = (source: string) =>
    `  <script type="application/vnd.observable.javascript">${source}</script>`;
  const html = [
    "<!doctype html>",
    "<notebook>",
    "  <title>Projection</title>",
    cell(
      `data = px.load(FileAttachment("vectors.parquet"), {schema: {embeddings: {e: {vector: "embedding"}}}})`
    ),
    cell(`projection = px.project(data, ${JSON.stringify(options)})`),
    cell("points = projection.coordinates.length / projection.nComponents"),
    "</notebook>",
    ""
  ].join("\n");
  const file = join(dir, "project.html");
  await writeFile(file, html);
  return file;
}
