import {isText} from "../../dataset/column-types.ts";
import type {Dataset} from "../../dataset/dataset.ts";
import {inputColumn, wrongType} from "../input-column.ts";
import type {MethodResult} from "../method-result.ts";
import type {Ticker} from "../ticker.ts";
import {embedWords} from "./embed-words.ts";
import {wordModel} from "./word-asset.ts";

/** "words": a text column → 100-d GloVe averages (embed-words.ts), fully offline. */
export async function wordsMethod(
  dataset: Dataset,
  column: string | undefined,
  assetURL: string | URL | undefined,
  ticker: Ticker
): Promise<MethodResult> {
  const texts = inputColumn(dataset, column, "words");
  if (!isText(texts.type)) throw wrongType(dataset, column!, texts.type, "text");
  await ticker.tick(0, "words");
  const model = await wordModel(assetURL);
  return embedWords(texts, column!, model, ticker);
}
