import type {Dataset} from "../dataset/dataset.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import type {EmbeddingCache} from "./provider/cache.ts";

/** An embeddings API that speaks OpenAI's wire format: `POST {baseURL}/embeddings` with `{model, input}`. */
export interface ProviderMethod {
  /** The wire format: "openai-compatible", the one spoken so far. */
  readonly provider: "openai-compatible";
  /** The API's base URL, e.g. "https://api.openai.com/v1" or a local server's "http://127.0.0.1:8080/v1". */
  readonly baseURL: string;
  /** The model name sent with every request. */
  readonly model: string;
  /**
   * The API key, from a runtime input. Sent as `Authorization: Bearer …` and nowhere else: never logged,
   * never in an error message, never stored in the dataset. Default: `process.env[apiKeyEnv]` in Node, else
   * none (no Authorization header, as local servers expect).
   */
  readonly apiKey?: string;
  /** The environment variable holding the key (Node). Default: "OPENAI_API_KEY". */
  readonly apiKeyEnv?: string;
  /** Texts per request, an integer ≥ 1. Default: 64. */
  readonly batchSize?: number;
  /** Requests in flight at once, an integer ≥ 1. Default: 4. */
  readonly concurrency?: number;
  /** Output dimensions, for models that can shorten their vectors. Default: the model's own. */
  readonly dimensions?: number;
  /** Retries of a request answered 429 or 5xx, or failing on the network. Default: 5. */
  readonly maxRetries?: number;
  /** The first retry's delay in ms, doubled each time (with jitter) unless the server asks. Default: 500. */
  readonly retryDelayMs?: number;
  /**
   * Vectors by content hash, kept across runs (a Map will do). The module's memory cache is used too.
   * Default: none (the memory cache alone: the most recent 16M floats, 64 MB).
   */
  readonly cache?: EmbeddingCache;
}

const PROVIDER_OPTIONS: OptionKeys<ProviderMethod> = {
  provider: true,
  baseURL: true,
  model: true,
  apiKey: true,
  apiKeyEnv: true,
  batchSize: true,
  concurrency: true,
  dimensions: true,
  maxRetries: true,
  retryDelayMs: true,
  cache: true
};

/** How a column becomes vectors: offline word vectors, tabular encoding, pixels or an embeddings API. */
export type EmbedMethod = "words" | "tabular" | "pixels" | ProviderMethod;

/** Options of `embed`. */
export interface EmbedOptions {
  /** The method (see EmbedMethod). */
  readonly method: EmbedMethod;
  /**
   * The input column: text for "words" and a provider; images (PNG/JPEG bytes, data URLs, URLs or paths) or a
   * list of pixel values for "pixels". Not used by "tabular". Default: none, which "words", "pixels" (without
   * `columns`) and a provider refuse.
   */
  readonly column?: string;
  /**
   * "tabular": the feature columns. Default: the schema's features. "pixels": several numeric columns, one
   * pixel each in row-major order, instead of `column`.
   */
  readonly columns?: readonly string[];
  /**
   * The new embedding feature's name, also its vector column's. Default: `${column}_embedding`, else
   * "tabular_embedding" or "pixels_embedding".
   */
  readonly name?: string;
  /** Seeds whatever is random (the provider's retry jitter). Default: 0. */
  readonly seed?: number;
  /** "words": where the word-vector asset is (a path, or a URL for the browser). Default: the package's. */
  readonly assetURL?: string | URL;
  /**
   * "tabular": the dataset whose means, standard deviations and top categories define the encoding, so that a
   * primary and a reference dataset are embedded alike. Default: the dataset itself.
   */
  readonly reference?: Dataset;
  /** "tabular": categories kept per categorical column, an integer ≥ 1; the rest are "other". Default: 20. */
  readonly maxCategories?: number;
  /** "pixels": images are downsampled to size × size pixels, an integer ≥ 1. Default: 8. */
  readonly size?: number;
  /** "pixels": [height, width] of pixel columns or lists. Default: square. */
  readonly shape?: readonly [number, number];
  /**
   * "pixels": the value of white in pixel columns or lists. Default: the largest value in the data (pass it,
   * e.g. 16 or 255, so that two datasets share one scale). Decoded images always use 255.
   */
  readonly maxValue?: number;
  /**
   * "pixels", in a page: fetch image URLs on other sites too. Default: false, and a page fetches only its own
   * site's images (and reads data: and blob: URLs): the embedding runs in a worker, which the page's
   * Content-Security-Policy does not cover, and every reader's browser would call those hosts. In Node (run,
   * build's bake) every URL is fetched.
   */
  readonly remoteImages?: boolean;
}

const EMBED_OPTIONS: OptionKeys<EmbedOptions> = {
  method: true,
  column: true,
  columns: true,
  name: true,
  seed: true,
  assetURL: true,
  reference: true,
  maxCategories: true,
  size: true,
  shape: true,
  maxValue: true,
  remoteImages: true
};

/**
 * Rejects unknown keys of `embed`'s options and of a provider method, before any work (or worker) starts.
 *
 * @param options - px.embed's options as given.
 */
export function checkEmbedOptions(options: EmbedOptions): void {
  checkOptions("px.embed", options, EMBED_OPTIONS);
  const {method} = options;
  if (method === null || typeof method !== "object") return;
  checkOptions("px.embed", method, PROVIDER_OPTIONS, "method");
}

/** Callbacks of a long embedding: progress and cancellation. */
export interface EmbedHooks {
  /** Called per batch or every thousand rows with the fraction done, in [0, 1], and the stage. */
  progress?(fraction: number, stage?: string): void;
  /** Aborts between batches; `embed` then rejects with the signal's reason. */
  signal?: AbortSignal;
}
