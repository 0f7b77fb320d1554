import type {Vector} from "apache-arrow";
import {isText} from "../../dataset/column-types.ts";
import type {Dataset} from "../../dataset/dataset.ts";
import {DatasetError} from "../../dataset/errors.ts";
import {EmbedError} from "../errors.ts";
import {inputColumn, wrongType} from "../input-column.ts";
import {presentRows, rowsWarning, type MethodResult} from "../method-result.ts";
import type {ProviderMethod} from "../options.ts";
import {forEachLimited} from "../pool.ts";
import type {Ticker} from "../ticker.ts";
import {apiKeyOf, headerKey, redact} from "./api-key.ts";
import {contentKey, memoryCache} from "./cache.ts";
import {requestEmbeddings, type Endpoint} from "./request.ts";

const DEFAULTS = {batchSize: 64, concurrency: 4, maxRetries: 5, retryDelayMs: 500};

/**
 * An embeddings API: each distinct text is sent once, unless a cache has it (the module's memory, then
 * `method.cache`), in batches of `batchSize` with at most `concurrency` requests in flight. Null texts get no
 * vector; so do empty ones (APIs reject them), with a warning.
 */
export async function providerMethod(
  dataset: Dataset,
  column: string | undefined,
  method: ProviderMethod,
  seed: number,
  ticker: Ticker
): Promise<MethodResult> {
  const texts = inputColumn(dataset, column, "openai-compatible");
  if (!isText(texts.type)) throw wrongType(dataset, column!, texts.type, "text");
  const endpoint = resolveEndpoint(method, seed, ticker.signal);
  const {batchSize, concurrency} = sizes(method);
  const {unique, slotOf, empty} = distinctTexts(texts);
  if (!unique.length)
    throw new DatasetError(dataset.source, [
      {column: column!, message: "no text to embed (all null or empty)"}
    ]);

  // Cached vectors first, by content hash.
  const keys = await Promise.all(unique.map((text) => contentKey(endpoint.model, endpoint.dimensions, text)));
  const found = new Array<Float32Array | undefined>(unique.length);
  const missing: number[] = [];
  for (let i = 0; i < unique.length; ++i) {
    found[i] = memoryCache.get(keys[i]!) ?? (await method.cache?.get(keys[i]!));
    if (found[i]) memoryCache.set(keys[i]!, found[i]!);
    else missing.push(i);
  }

  let done = unique.length - missing.length;
  await ticker.tick(unique.length ? done / unique.length : 1, "provider");
  const batches = Math.ceil(missing.length / batchSize);
  await forEachLimited(batches, concurrency, async (batch) => {
    const slots = missing.slice(batch * batchSize, (batch + 1) * batchSize);
    const vectors = await requestEmbeddings(
      endpoint,
      slots.map((i) => unique[i]!),
      batch
    );
    for (let k = 0; k < slots.length; ++k) {
      const i = slots[k]!;
      found[i] = vectors[k]!;
      memoryCache.set(keys[i]!, vectors[k]!);
      await method.cache?.set(keys[i]!, vectors[k]!);
    }
    done += slots.length;
    await ticker.tick(done / unique.length, "provider");
  });
  return assemble(texts.length, slotOf, found, empty, column!, endpoint);
}

function resolveEndpoint(method: ProviderMethod, seed: number, signal: AbortSignal | undefined): Endpoint {
  let url: URL;
  try {
    url = new URL(`${method.baseURL.replace(/\/+$/, "")}/embeddings`);
  } catch {
    throw new EmbedError("provider", `baseURL is not a URL: "${redact(method.baseURL, method.apiKey)}"`);
  }
  // fetch refuses credentials in a URL on every attempt, quoting the URL in its error: stop before it.
  if (url.username || url.password)
    throw new EmbedError(
      "provider",
      "baseURL must not hold credentials (user:password@): pass the key as apiKey"
    );
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new EmbedError("provider", `baseURL must be http or https, not ${url.protocol}`);
  if (typeof method.model !== "string" || !method.model) throw new EmbedError("provider", "no model given");
  const {maxRetries, retryDelayMs} = {...DEFAULTS, ...method};
  return {
    url: url.href,
    shownURL: `${url.origin}${url.pathname}`,
    model: method.model,
    dimensions: method.dimensions,
    apiKey: headerKey(apiKeyOf(method)),
    maxRetries,
    retryDelayMs,
    seed,
    signal
  };
}

function sizes(method: ProviderMethod): {batchSize: number; concurrency: number} {
  const {batchSize, concurrency} = {...DEFAULTS, ...method};
  for (const [name, value] of Object.entries({batchSize, concurrency}))
    if (!Number.isInteger(value) || value < 1)
      throw new EmbedError("provider", `${name} must be a positive integer, not ${value}`);
  return {batchSize, concurrency};
}

/** Each distinct non-empty text once; every row's index into them (−1: none); the rows with empty text. */
function distinctTexts(texts: Vector): {unique: string[]; slotOf: Int32Array; empty: number[]} {
  const unique: string[] = [];
  const slots = new Map<string, number>();
  const slotOf = new Int32Array(texts.length).fill(-1);
  const empty: number[] = [];
  for (let row = 0; row < texts.length; ++row) {
    const text = texts.get(row) as string | null;
    if (text === null || text === undefined) continue;
    if (text.trim() === "") {
      empty.push(row);
      continue;
    }
    let slot = slots.get(text);
    if (slot === undefined) slots.set(text, (slot = unique.push(text) - 1));
    slotOf[row] = slot;
  }
  return {unique, slotOf, empty};
}

function assemble(
  n: number,
  slotOf: Int32Array,
  found: readonly (Float32Array | undefined)[],
  empty: number[],
  column: string,
  endpoint: Endpoint
): MethodResult {
  const dim = found[0]?.length ?? 0;
  const other = found.find((vector) => vector?.length !== dim);
  if (other)
    throw new EmbedError(
      "provider",
      `${endpoint.model} returned vectors of ${dim} and ${other.length} dimensions`
    );
  const vectors = new Float32Array(n * dim);
  const has = new Uint8Array(n);
  for (let row = 0; row < n; ++row) {
    const slot = slotOf[row]!;
    if (slot < 0) continue;
    vectors.set(found[slot]!, row * dim);
    has[row] = 1;
  }
  const warnings = empty.length
    ? [rowsWarning(column, empty, empty.length, "empty texts get no vector")]
    : [];
  return {dim, vectors, rows: presentRows(has), warnings};
}
