// `px` in a notebook runs the heavy cells in workers: their results must be exactly the library's.
import assert from "node:assert/strict";
import {fileURLToPath} from "node:url";
import {test} from "node:test";
import * as px from "../../../src/index.ts";
import {evaluate} from "../../helpers/notebook.ts";

const data = (name: string) =>
  JSON.stringify(fileURLToPath(new URL(`../../../notebooks/data/${name}`, import.meta.url)));

test("px.embed in a notebook (worker) gives the library's vectors bit for bit", async () => {
  const notebook = await evaluate(
    `sentences = px.load(FileAttachment(${data("topic-sentences.csv")}), {name: "sentences"})`,
    `embedded = px.embed(sentences, {method: "words", column: "text"})`
  );
  const inWorker = notebook.valueof("embedded") as px.Dataset;
  const direct = await px.embed(
    await px.load(JSON.parse(data("topic-sentences.csv")) as string, {name: "sentences"}),
    {method: "words", column: "text"}
  );
  assert.deepEqual(inWorker.embeddings["text_embedding"], direct.embeddings["text_embedding"]);
  assert.deepEqual(inWorker.schema.embeddings, direct.schema.embeddings);
  assert.deepEqual(
    inWorker.table.schema.fields.map((f) => f.name),
    ["text", "topic", "text_embedding"]
  );
  notebook.runtime.dispose();
});

test("px.project and px.cluster in a notebook give the library's results for the same seed", async () => {
  const notebook = await evaluate(
    `schema = FileAttachment(${data("digits-schema.json")}).json()`,
    `training = px.load(FileAttachment(${data("digits-training.parquet")}), {schema, name: "training"})`,
    `projection = px.project(training, {embedding: "image_embedding", samples: 300, seed: 3})`,
    `clusters = px.cluster(projection, {minClusterSize: 8})`
  );
  const schema = notebook.valueof("schema") as px.PhoenixSchemaJson;
  const training = await px.load(JSON.parse(data("digits-training.parquet")) as string, {
    schema,
    name: "training"
  });
  const direct = await px.project(
    training,
    {embedding: "image_embedding", samples: 300, seed: 3},
    {cache: new px.ProjectionCache()}
  );
  const inWorker = notebook.valueof("projection") as px.Projection;
  assert.deepEqual(inWorker.coordinates, direct.coordinates);
  assert.deepEqual(inWorker.row, direct.row);
  assert.deepEqual(
    (notebook.valueof("clusters") as px.Clustering).labels,
    px.cluster(direct, {minClusterSize: 8}).labels
  );
  notebook.runtime.dispose();
});
