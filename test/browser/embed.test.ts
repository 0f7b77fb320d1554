import assert from "node:assert/strict";
import type {IncomingMessage, ServerResponse} from "node:http";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import {encode as encodePng} from "fast-png";
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

// A 2 × 2 grayscale PNG as a data: URL: an image a page reads without fetching.
const png = `data:image/png;base64,${Buffer.from(encodePng({width: 2, height: 2, data: Uint8Array.of(0, 255, 255, 0), channels: 1, depth: 8})).toString("base64")}`;
// Hostile data points at a loopback address on a closed port: nothing may go there unless asked.
const offSite = "http://127.0.0.2:9/beacon.png";

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
async function links() {
  const linked = await load([{image: ${JSON.stringify(png)}}, {image: ${JSON.stringify(offSite)}}]);
  const own = await embed(linked, {column: "image", method: "pixels"});
  const remote = await embed(linked, {column: "image", method: "pixels", remoteImages: true});
  return {rows: [...own.embeddings.image_embedding.rows], warnings: own.warnings, remoteWarnings: remote.warnings};
}
window.linkResults = links().catch((error) => ({error: String(error)}));
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

test("embed() in a page reads a data: image and refuses one on another site unless remoteImages: true", async () => {
  const {page, requests} = await openPage(browser);
  await page.goto(`${server.origin}/`);
  const results = (await page.evaluate(
    () => (window as unknown as {linkResults: Promise<unknown>}).linkResults
  )) as {
    rows: number[];
    warnings: string[];
    remoteWarnings: string[];
  };
  // Row 1 refused before any request: the page's policy does not cover a worker, and every reader would call it.
  assert.deepEqual(results.rows, [0]);
  assert.match(
    results.warnings.join("\n"),
    /127\.0\.0\.2:9\/beacon\.png: an image on another site .*remoteImages: true/
  );
  // Asked for, it is fetched (and fails: nothing listens there), for another reason.
  assert.doesNotMatch(results.remoteWarnings.join("\n"), /another site/);
  assert.ok(
    requests.some((url) => url.startsWith(offSite)),
    "fetched once remoteImages is given"
  );
});

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
