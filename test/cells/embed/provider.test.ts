import assert from "node:assert/strict";
import {after, test} from "node:test";
import {tableToIPC} from "apache-arrow";
import {embed, EmbedError} from "../../../src/cells/embed/index.ts";
import type {ProviderMethod} from "../../../src/cells/embed/index.ts";
import {memoryCache} from "../../../src/cells/embed/provider/cache.ts";
import {datasetOf} from "./datasets.ts";
import {embeddingsServer, fakeEmbedding, type EmbeddingsServer} from "./embeddings-server.ts";

const servers: EmbeddingsServer[] = [];
after(() => Promise.all(servers.map((server) => server.close())));
async function server(...args: Parameters<typeof embeddingsServer>): Promise<EmbeddingsServer> {
  const started = await embeddingsServer(...args);
  servers.push(started);
  return started;
}

// Each test its own model name: the module's memory cache is keyed by model and text.
let models = 0;
function method(server: EmbeddingsServer, options: Partial<ProviderMethod> = {}): ProviderMethod {
  return {
    provider: "openai-compatible",
    baseURL: server.baseURL,
    model: `m${++models}`,
    retryDelayMs: 5,
    ...options
  };
}
const texts = (n: number) => Array.from({length: n}, (_, i) => `text number ${i}`);
const vectorsOf = (out: Awaited<ReturnType<typeof embed>>, name = "text_embedding") => out.embeddings[name]!;

test("embed() with a provider posts batches to {baseURL}/embeddings and puts each vector on its row", async () => {
  const api = await server();
  const out = await embed(datasetOf({text: texts(10)}), {
    column: "text",
    method: method(api, {batchSize: 4})
  });
  assert.deepEqual(
    api.requests.map((request) => [request.path, request.body.input.length]),
    [
      ["/v1/embeddings", 4],
      ["/v1/embeddings", 4],
      ["/v1/embeddings", 2]
    ]
  );
  const {vectors, dim, rows} = vectorsOf(out);
  assert.equal(dim, 4);
  assert.equal(rows.length, 10);
  texts(10).forEach((text, row) =>
    assert.deepEqual([...vectors.subarray(row * 4, row * 4 + 4)], fakeEmbedding(text).map(Math.fround))
  );
});

test("embed() with a provider asks for `dimensions` when given and sends no key when there is none", async () => {
  const api = await server();
  const saved = process.env.OPENAI_API_KEY; // the default variable; a real key must not reach any assertion
  delete process.env.OPENAI_API_KEY;
  try {
    await embed(datasetOf({text: ["a"]}), {column: "text", method: method(api, {dimensions: 4})});
  } finally {
    if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
  }
  assert.equal(api.requests[0]!.body.dimensions, 4);
  assert.equal(api.requests[0]!.authorization, undefined);
});

test("embed() with a provider sends each distinct text once and gives null texts no vector", async () => {
  const api = await server();
  const out = await embed(datasetOf({text: ["a cat", null, "a cat", "a dog", ""]}), {
    column: "text",
    method: method(api)
  });
  assert.deepEqual(
    api.requests.map((request) => request.body.input),
    [["a cat", "a dog"]]
  );
  assert.deepEqual([...vectorsOf(out).rows], [0, 2, 3]);
  assert.deepEqual(out.warnings, ['column "text": 1 empty texts get no vector (row 4)']);
});

test("embed() with a provider keeps at most `concurrency` requests in flight", async () => {
  const api = await server(undefined, 30);
  await embed(datasetOf({text: texts(16)}), {
    column: "text",
    method: method(api, {batchSize: 2, concurrency: 3})
  });
  assert.equal(api.requests.length, 8);
  assert.equal(api.maxInFlight, 3);
});

test("embed() with a provider waits as a 429's Retry-After says, then succeeds", async () => {
  const api = await server((_, index) =>
    index === 0
      ? {status: 429, headers: {"retry-after": "1"}, body: {error: {message: "Rate limit reached"}}}
      : undefined
  );
  const start = performance.now();
  const out = await embed(datasetOf({text: texts(3)}), {
    column: "text",
    method: method(api, {retryDelayMs: 1})
  });
  assert.ok(performance.now() - start >= 950, `waited ${performance.now() - start} ms`);
  assert.equal(api.requests.length, 2);
  assert.equal(vectorsOf(out).rows.length, 3);
});

test("embed() with a provider retries a 500 with backoff", async () => {
  const api = await server((_, index) =>
    index === 0 ? {status: 500, body: "upstream exploded"} : undefined
  );
  const out = await embed(datasetOf({text: texts(3)}), {column: "text", method: method(api)});
  assert.equal(api.requests.length, 2);
  assert.equal(vectorsOf(out).rows.length, 3);
});

test("embed() with a provider gives up after maxRetries, naming the status and the server's message", async () => {
  const api = await server(() => ({status: 503, body: {error: {message: "overloaded"}}}));
  await assert.rejects(
    embed(datasetOf({text: texts(1)}), {column: "text", method: method(api, {maxRetries: 2})}),
    (error: EmbedError) => {
      assert.ok(error instanceof EmbedError && error.stage === "provider");
      assert.match(
        error.message,
        /POST http:\/\/127\.0\.0\.1:\d+\/v1\/embeddings: HTTP 503 .*overloaded \(after 3 attempts\)/
      );
      return true;
    }
  );
  assert.equal(api.requests.length, 3);
});

test("embed() with a provider reports a bad key's 401 at once, without the key in the message", async () => {
  const key = "sk-test-0123456789abcdefSECRET";
  const api = await server(() => ({
    status: 401,
    body: {error: {message: `Incorrect API key provided: ${key}. Also seen as sk-test-0123****CRET.`}}
  }));
  await assert.rejects(
    embed(datasetOf({text: texts(2)}), {column: "text", method: method(api, {apiKey: key})}),
    (error: EmbedError) => {
      assert.match(error.message, /HTTP 401 .*Incorrect API key provided: \[redacted\]/);
      assert.ok(!error.message.includes("0123456789") && !error.message.includes("sk-test"), error.message);
      return true;
    }
  );
  assert.equal(api.requests.length, 1);
  assert.equal(api.requests[0]!.authorization, `Bearer ${key}`);
});

test("embed() with a provider takes the key from apiKeyEnv and keeps it out of the dataset", async () => {
  const api = await server();
  process.env.PHOENIX_TEST_EMBED_KEY = "sk-from-the-environment-42";
  try {
    const out = await embed(datasetOf({text: texts(2)}), {
      column: "text",
      method: method(api, {apiKeyEnv: "PHOENIX_TEST_EMBED_KEY"})
    });
    assert.equal(api.requests[0]!.authorization, "Bearer sk-from-the-environment-42");
    const kept =
      JSON.stringify([out.schema, out.warnings, out.source, out.name]) +
      new TextDecoder("latin1").decode(tableToIPC(out.table));
    assert.ok(!kept.includes("sk-from-the-environment"));
  } finally {
    delete process.env.PHOENIX_TEST_EMBED_KEY;
  }
  await assert.rejects(
    embed(datasetOf({text: texts(1)}), {
      column: "text",
      method: method(api, {apiKeyEnv: "PHOENIX_TEST_EMBED_KEY"})
    }),
    /no API key: the environment variable PHOENIX_TEST_EMBED_KEY is not set/
  );
});

test("embed() with a provider reuses cached vectors: a second run sends no request", async () => {
  const api = await server();
  const options = {column: "text", method: method(api)};
  const first = await embed(datasetOf({text: texts(5)}), options);
  const second = await embed(datasetOf({text: [...texts(5), "one more"]}), options);
  assert.deepEqual(
    api.requests.map((request) => request.body.input.length),
    [5, 1]
  );
  assert.deepEqual(vectorsOf(second).vectors.subarray(0, 20), vectorsOf(first).vectors);
});

test("embed() with a provider fills the caller's cache by content hash and reads from it", async () => {
  const api = await server();
  const cache = new Map<string, Float32Array>();
  const options = {column: "text", method: method(api, {cache})};
  await embed(datasetOf({text: texts(3)}), options);
  assert.equal(cache.size, 3);
  assert.ok([...cache.keys()].every((key) => /^[0-9a-f]{64}$/.test(key)));
  memoryCache.clear();
  await embed(datasetOf({text: texts(3)}), options);
  assert.equal(api.requests.length, 1);
});

test("embed() with a provider rejects a malformed answer, saying what it expected", async () => {
  const api = await server(() => ({status: 200, body: {data: [{embedding: "no"}]}}));
  await assert.rejects(
    embed(datasetOf({text: texts(2)}), {column: "text", method: method(api)}),
    /expected \{data: \[\.\.\.\]\} with 2 embeddings, got 1/
  );
});

test("embed() with a provider stops when aborted, during a retry's wait", async () => {
  const api = await server(() => ({status: 429, headers: {"retry-after": "30"}, body: "slow down"}));
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("cancelled by the user")), 100);
  const start = performance.now();
  await assert.rejects(
    embed(datasetOf({text: texts(2)}), {column: "text", method: method(api)}, {signal: controller.signal}),
    /cancelled by the user/
  );
  assert.ok(performance.now() - start < 5000);
});

// Counts calls to the global fetch while `run` runs: a request that cannot be built never reaches a server.
async function countingFetches(run: () => Promise<unknown>): Promise<{calls: number; error: unknown}> {
  const original = globalThis.fetch;
  let calls = 0;
  globalThis.fetch = (...args: Parameters<typeof fetch>) => (++calls, original(...args));
  try {
    await run();
    return {calls, error: undefined};
  } catch (error) {
    return {calls, error};
  } finally {
    globalThis.fetch = original;
  }
}

test("embed() with a provider fails at once on 400, 403 and 404: one request each", async () => {
  for (const status of [400, 403, 404]) {
    const api = await server(() => ({status, body: {error: {message: `refused with ${status}`}}}));
    await assert.rejects(
      embed(datasetOf({text: texts(1)}), {column: "text", method: method(api)}),
      new RegExp(`HTTP ${status} .*refused with ${status}$`)
    );
    assert.equal(api.requests.length, 1, `status ${status}`);
  }
});

test("embed() with a provider refuses a baseURL with credentials at once, without echoing them", async () => {
  const api = await server();
  const baseURL = api.baseURL.replace("http://", "http://me:sk-PRsecret0123456789cdef@");
  const {calls, error} = await countingFetches(() =>
    embed(datasetOf({text: texts(1)}), {column: "text", method: method(api, {baseURL})})
  );
  assert.ok(error instanceof EmbedError, String(error));
  assert.match(error.message, /credentials/);
  assert.ok(!/sk-PR|secret|me:/.test(error.message), error.message);
  assert.ok(calls <= 1, `fetch called ${calls} times`);
  assert.equal(api.requests.length, 0);
});

test("embed() with a provider does not echo credentials of a baseURL that is not a URL", async () => {
  await assert.rejects(
    embed(datasetOf({text: texts(1)}), {
      column: "text",
      method: {
        provider: "openai-compatible",
        model: "m",
        baseURL: "//me:sk-PRsecret0123456789cdef@127.0.0.2:9/v1"
      }
    }),
    (error: EmbedError) => {
      assert.match(error.message, /baseURL is not a URL/);
      assert.ok(!/sk-PR|secret/.test(error.message), error.message);
      return true;
    }
  );
});

test("embed() with a provider fails at once on what no retry can fix: a scheme not http(s), a key no header can carry", async () => {
  const api = await server();
  const cases: [Partial<ProviderMethod>, RegExp][] = [
    [{baseURL: "ftp://127.0.0.2:9/v1"}, /http or https.*ftp:/],
    [{apiKey: "sk-PRsecret0123\n456789cdef"}, /API key/]
  ];
  for (const [options, expected] of cases) {
    const {calls, error} = await countingFetches(() =>
      embed(datasetOf({text: texts(1)}), {column: "text", method: method(api, options)})
    );
    assert.ok(error instanceof EmbedError, String(error));
    assert.match(error.message, expected);
    assert.ok(!/secret|456789/.test(error.message), error.message);
    assert.ok(calls <= 1, `fetch called ${calls} times for ${error.message}`);
  }
  assert.equal(api.requests.length, 0);
});
