import {EmbedError} from "../errors.ts";
import {redact} from "./api-key.ts";
import {Random} from "../../random.ts";
import {retryable, retryDelay, sleep} from "./retry.ts";

/** One resolved API endpoint, with everything a request needs. */
export interface Endpoint {
  /** `${baseURL}/embeddings`. */
  readonly url: string;
  /** The URL as errors show it: no credentials, no query. */
  readonly shownURL: string;
  readonly model: string;
  readonly dimensions: number | undefined;
  readonly apiKey: string | undefined;
  readonly maxRetries: number;
  readonly retryDelayMs: number;
  readonly seed: number;
  readonly signal: AbortSignal | undefined;
}

/**
 * Embeds one batch: `POST url` with `{model, input}` in OpenAI's wire format, retried on 429, 5xx and network
 * failures (retry.ts says how long it waits). Returns one vector per text, in the texts' order (by the
 * response's `index`). Errors name the status and the server's message, never the key.
 */
export async function requestEmbeddings(
  endpoint: Endpoint,
  texts: readonly string[],
  batch: number
): Promise<Float32Array[]> {
  const random = new Random(endpoint.seed * 7919 + batch); // the batch's own jitter, whatever ran before it
  const body = JSON.stringify({
    model: endpoint.model,
    input: texts,
    ...(endpoint.dimensions === undefined ? {} : {dimensions: endpoint.dimensions})
  });
  const headers: Record<string, string> = {"content-type": "application/json"};
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  for (let attempt = 0; ; ++attempt) {
    let response: Response | undefined;
    let failure: string;
    try {
      response = await fetch(endpoint.url, {
        method: "POST",
        headers,
        body,
        ...(endpoint.signal ? {signal: endpoint.signal} : {})
      });
      if (response.ok)
        return parseEmbeddings(await response.json().catch(() => null), texts.length, endpoint);
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
      failure = `HTTP ${status}: ${await serverMessage(response)}`;
      if (!retryable(response.status)) throw fail(endpoint, failure);
    } catch (error) {
      endpoint.signal?.throwIfAborted();
      if (error instanceof EmbedError) throw error;
      failure = error instanceof Error ? error.message : String(error); // the network: refused, reset, DNS
    }
    if (attempt >= endpoint.maxRetries) throw fail(endpoint, `${failure} (after ${attempt + 1} attempts)`);
    await sleep(retryDelay(attempt, endpoint.retryDelayMs, response?.headers, random), endpoint.signal);
  }
}

function fail(endpoint: Endpoint, message: string): EmbedError {
  return new EmbedError("provider", redact(`POST ${endpoint.shownURL}: ${message}`, endpoint.apiKey));
}

// OpenAI's errors are {error: {message}}; others send text. Kept short: it goes into a cell's error display.
async function serverMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  let message = text;
  try {
    const json = JSON.parse(text) as {error?: {message?: unknown} | string; message?: unknown};
    const inner = typeof json.error === "string" ? json.error : (json.error?.message ?? json.message);
    if (typeof inner === "string") message = inner;
  } catch {
    // not JSON: the text as it is
  }
  message = message.trim().replace(/\s+/g, " ");
  return message.length > 300 ? `${message.slice(0, 300)}…` : message || "(no message)";
}

function parseEmbeddings(json: unknown, count: number, endpoint: Endpoint): Float32Array[] {
  const data = (json as {data?: unknown} | null)?.data;
  if (!Array.isArray(data) || data.length !== count)
    throw fail(endpoint, `expected {data: [...]} with ${count} embeddings, got ${describe(data)}`);
  const vectors = new Array<Float32Array>(count);
  data.forEach((item: {embedding?: unknown; index?: unknown} | null, position) => {
    const index = typeof item?.index === "number" ? item.index : position;
    const embedding = item?.embedding;
    if (!Array.isArray(embedding) || !embedding.every((x) => typeof x === "number" && Number.isFinite(x)))
      throw fail(endpoint, `embedding ${position} is not an array of finite numbers`);
    if (!Number.isInteger(index) || index < 0 || index >= count || vectors[index])
      throw fail(endpoint, `embedding ${position} has a bad or repeated index ${index}`);
    vectors[index] = Float32Array.from(embedding as number[]);
  });
  return vectors;
}

function describe(data: unknown): string {
  return Array.isArray(data) ? `${data.length}` : data === undefined ? "no data" : typeof data;
}
