import assert from "node:assert/strict";
import {readFile} from "node:fs/promises";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {test} from "node:test";
import {load} from "../../../src/cells/dataset/load.ts";
import {embed, EmbedError} from "../../../src/cells/embed/index.ts";
import {datasetOf, dataURL, labelsOf} from "./datasets.ts";
import {neighbourAgreement, shuffledAgreement} from "./knn.ts";

const asset = new URL("../../../assets/words-50k.bin", import.meta.url);

test('embed() with "words" puts sentences about one topic nearest each other (80 sentences, 4 topics)', async () => {
  const dataset = await load(dataURL("topic-sentences.csv").pathname, {schema: {actualLabel: "topic"}});
  const {vectors, dim, rows} = (await embed(dataset, {column: "text", method: "words"})).embeddings
    .text_embedding!;
  assert.equal(rows.length, 80);
  const labels = labelsOf(dataset, "topic", rows);
  const agreement = neighbourAgreement(vectors, dim, rows, labels);
  const chance = shuffledAgreement(vectors, dim, rows, labels);
  assert.ok(chance < 0.35, `shuffled ${chance}`);
  assert.ok(agreement >= 0.9, `agreement ${agreement} (shuffled ${chance})`);
});

test('embed() with "words" gives 100-d unit vectors', async () => {
  const out = await embed(datasetOf({text: ["A comet passed close to the sun.", "Boil the pasta."]}), {
    column: "text",
    method: "words"
  });
  const {vectors, dim} = out.embeddings.text_embedding!;
  assert.equal(dim, 100);
  for (const row of [0, 1]) {
    const norm = Math.hypot(...vectors.subarray(row * dim, (row + 1) * dim));
    assert.ok(Math.abs(norm - 1) < 1e-6, `norm ${norm}`);
  }
});

test('embed() with "words" ignores case, accents and punctuation', async () => {
  const out = await embed(
    datasetOf({text: ["Café au lait, s'il vous plaît!", "cafe au lait s il vous plait"]}),
    {
      column: "text",
      method: "words"
    }
  );
  const {vectors} = out.embeddings.text_embedding!;
  assert.deepEqual(vectors.subarray(0, 100), vectors.subarray(100, 200));
});

test('embed() with "words" gives null and wordless texts no vector, and warns about the wordless', async () => {
  const out = await embed(datasetOf({text: ["Stars.", null, "!!! 42 ???", "", "xqzzyv"]}), {
    column: "text",
    method: "words"
  });
  assert.deepEqual([...out.embeddings.text_embedding!.rows], [0]);
  assert.deepEqual(out.warnings, [
    'column "text": 3 texts without a known word get no vector (rows 2, 3, 4)'
  ]);
});

test('embed() with "words" reads the asset from a URL (as a browser does) and gets the same vectors', async () => {
  const bytes = await readFile(asset);
  const server = createServer((_, response) => response.end(bytes));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  try {
    const dataset = datasetOf({text: ["The rocket reached orbit."]});
    const fetched = await embed(dataset, {
      column: "text",
      method: "words",
      assetURL: `http://127.0.0.1:${port}/words-50k.bin`
    });
    const read = await embed(dataset, {column: "text", method: "words"});
    assert.deepEqual(fetched.embeddings.text_embedding!.vectors, read.embeddings.text_embedding!.vectors);
  } finally {
    server.close();
  }
});

test('embed() with "words" names the asset it could not read', async () => {
  await assert.rejects(
    embed(datasetOf({text: ["hello"]}), {
      column: "text",
      method: "words",
      assetURL: "/nonexistent/words.bin"
    }),
    (error: EmbedError) =>
      error instanceof EmbedError &&
      error.stage === "words" &&
      /could not read the word vectors at \/nonexistent\/words.bin/.test(error.message)
  );
});

test('embed() with "words" stops between rows when aborted', async () => {
  const text = Array.from({length: 5000}, (_, i) => `sentence number ${i} about the weather`);
  const controller = new AbortController();
  const progress = (fraction: number) => {
    if (fraction > 0) controller.abort(new Error("cancelled"));
  };
  await assert.rejects(
    embed(datasetOf({text}), {column: "text", method: "words"}, {progress, signal: controller.signal}),
    /cancelled/
  );
});
