import type {Dataset} from "../dataset/dataset.ts";
import {DatasetError} from "../dataset/errors.ts";
import {isWindow} from "../dataset/window.ts";
import type {EmbeddingColumns} from "../dataset/schema.ts";
import {EmbedError} from "./errors.ts";
import type {MethodResult} from "./method-result.ts";
import {checkEmbedOptions, type EmbedHooks, type EmbedOptions, type ProviderMethod} from "./options.ts";
import {pixelsMethod} from "./pixels/pixels-method.ts";
import {providerMethod} from "./provider/provider-method.ts";
import {tabularMethod} from "./tabular/tabular-method.ts";
import {Ticker} from "./ticker.ts";
import {withEmbedding} from "./with-embedding.ts";
import {wordsMethod} from "./words/words-method.ts";

/**
 * Adds an embedding feature to a dataset: a NEW Dataset, the input's columns plus one vector column (and its
 * `schema.embeddings` entry), computed by `options.method` from `options.column` (or `columns`). Rows
 * without input get no vector. Pure and worker-friendly: progress and an abort signal through `hooks`.
 * Throws a DatasetError for bad input (naming the column and rows) and an EmbedError when a method fails.
 *
 * @param dataset - The dataset to embed: a whole one, not a window (px.window).
 * @param options - The method, its input column(s) and the new embedding feature's name.
 * @param hooks - Progress and an abort signal.
 */
export async function embed(
  dataset: Dataset,
  options: EmbedOptions,
  hooks: EmbedHooks = {}
): Promise<Dataset> {
  checkEmbedOptions(options);
  checkWhole(dataset, options);
  const ticker = new Ticker(hooks);
  ticker.check();
  const name = embeddingName(options);
  checkName(dataset, name);
  const {result, columns} = await runMethod(dataset, options, ticker);
  return withEmbedding(dataset, name, columns, result);
}

async function runMethod(
  dataset: Dataset,
  options: EmbedOptions,
  ticker: Ticker
): Promise<{result: MethodResult; columns: Omit<EmbeddingColumns, "vector">}> {
  const {method, column} = options;
  const rawData = column === undefined ? {} : {rawData: column};
  if (method === "words")
    return {result: await wordsMethod(dataset, column, options.assetURL, ticker), columns: rawData};
  if (method === "tabular") return {result: await tabularMethod(dataset, options, ticker), columns: {}};
  if (method === "pixels") return pixelsMethod(dataset, options, ticker);
  if (isProvider(method))
    return {
      result: await providerMethod(dataset, column, method, options.seed ?? 0, ticker),
      columns: rawData
    };
  throw new EmbedError(
    "options",
    `unknown method: ${JSON.stringify(method)} ` +
      `(expected "words", "tabular", "pixels" or {provider: "openai-compatible", baseURL, model})`
  );
}

function isProvider(method: unknown): method is ProviderMethod {
  return (method as ProviderMethod | null)?.provider === "openai-compatible";
}

/**
 * The new embedding feature's name: `options.name`, else derived from the column or the method.
 *
 * @param options - px.embed's options.
 */
export function embeddingName(options: EmbedOptions): string {
  return options.name ?? defaultName(options);
}

function defaultName({method, column}: EmbedOptions): string {
  if (column !== undefined) return `${column}_embedding`;
  return method === "tabular" ? "tabular_embedding" : "pixels_embedding";
}

/**
 * Refuses a window (px.window) to embed or to fit on: the methods read and write every row of the table (the
 * vector column is appended to it), so a window's vectors would come from rows outside it.
 *
 * @param dataset - The dataset to embed.
 * @param options - px.embed's options (a reference to fit on is checked too).
 */
export function checkWhole(dataset: Dataset, options: EmbedOptions): void {
  for (const d of [dataset, options.reference]) {
    if (d && isWindow(d))
      throw new TypeError(
        `px.embed: ${d.name} is a window (px.window) of ${d.numRows} of its table's ${d.table.numRows} rows: ` +
          "embed the whole dataset, then take the window"
      );
  }
}

/**
 * Refuses a name that a column or an embedding of the dataset already has.
 *
 * @param dataset - The dataset the embedding joins.
 * @param name - The new embedding feature's name (embeddingName).
 */
export function checkName(dataset: Dataset, name: string): void {
  if (dataset.table.schema.fields.some((field) => field.name === name) || name in dataset.schema.embeddings)
    throw new DatasetError(dataset.source, [
      {column: name, message: `the embedding's name is taken (pass another "name")`}
    ]);
}
