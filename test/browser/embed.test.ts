import assert from "node:assert/strict";
import type {IncomingMessage, ServerResponse} from "node:http";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Browser} from "playwright-core";
import {load} from "../../src/cells/dataset/load.ts";
import {embed} from "../../src/cells/embed/index.ts";
import {serveBundledPage} from "./support/bundled-page.ts";
import {launchChromium, openPage} from "./support/chromium.ts";
import {datasetOf, fixtureURL} from "../cells/embed/datasets.ts";
import {fakeEmbedding} from "../cells/embed/embeddings-server.ts";

// The embed cell bundled by Vite into a page and run in chromium: the word-vector asset comes through Vite's
// `new URL(…, import.meta.url)`, images decode with the same plain-JS decoders, the provider calls an API on
// the page's own origin. Each must give Node's vectors bit for bit.
const sentences = ["The striker scored twice.", "Simmer the sauce slowly.", null];

const page = (root: string) => `
import {load} from ${JSON.stringify(join(root, "src/cells/dataset/load.ts"))};
import {embed} from ${JSON.stringify(join(root, "src/cells/embed/index.ts"))};
const plain = (dataset, name) => ({rows: [...dataset.embeddings[name].rows], vectors: [...dataset.embeddings[name].vectors]});
async function run() {
  const text = await load(${JSON.stringify(sentences.map((text) => ({text})))});
  const words = await embed(text, {column: "text", method: "words"});
  const images = await load("fixtures/digit-images.arrow");
  const pixels = await embed(images, {column: "image", method: "pixels"});
  const api = await embed(text, {column: "text", method: {provider: "openai-compatible", baseURL: location.origin + "/v1", model: "m", apiKey: "k"}});
  return {words: plain(words, "text_embedding"), pixels: plain(pixels, "image_embedding"), api: plain(api, "text_embedding")};
}
window.results = run().catch((error) => ({error: String(error)}));
`;

let server: Awaited<ReturnType<typeof serveBundledPage>>;
let browser: Browser;

before(async () => {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const fixtures = fileURLToPath(fixtureURL(""));
  server = await serveBundledPage(page(root), {mounts: {"/fixtures/": fixtures}, handle: embeddingsApi});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The provider's API on the page's own origin: fake but deterministic vectors in OpenAI's wire format.
async function embeddingsApi(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (new URL(request.url ?? "/", "http://x").pathname !== "/v1/embeddings") return false;
  const {input} = JSON.parse(await body(request)) as {input: string[]};
  const data = input.map((text, index) => ({index, embedding: fakeEmbedding(text)}));
  response.writeHead(200, {"content-type": "application/json"}).end(JSON.stringify({data}));
  return true;
}

test("embed() runs in chromium bundled by Vite (words, pixels, provider) and gives Node's vectors", async () => {
  const {page, requests, errors} = await openPage(browser);
  await page.goto(`${server.origin}/`);
  const results = await page.evaluate(() => (window as unknown as {results: Promise<unknown>}).results);
  assert.deepEqual(errors, []);
  assert.ok(
    requests.some((url) => /\/assets\/words-50k-[\w-]+\.bin$/.test(url)),
    "the asset is fetched by Vite's URL"
  );
  const text = datasetOf({text: sentences});
  const plain = (vectors: Float32Array, rows: Int32Array) => ({rows: [...rows], vectors: [...vectors]});
  const words = (await embed(text, {column: "text", method: "words"})).embeddings.text_embedding!;
  const images = await load(fixtureURL("digit-images.arrow").pathname);
  const pixels = (await embed(images, {column: "image", method: "pixels"})).embeddings.image_embedding!;
  const api = sentences.map((s) => (s === null ? [0, 0, 0, 0] : fakeEmbedding(s).map(Math.fround))).flat();
  assert.deepEqual(results, {
    words: plain(words.vectors, words.rows),
    pixels: plain(pixels.vectors, pixels.rows),
    api: {rows: [0, 1], vectors: api}
  });
});

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
