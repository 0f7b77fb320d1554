import {EmbedError} from "../errors.ts";
import {decodeWordVectors, type WordVectors} from "./asset-format.ts";
import {sifWeights} from "./sif.ts";
import {locationKind} from "../../location.ts";

/** The word vectors with each word's SIF weight. */
export interface WordModel {
  readonly words: WordVectors;
  readonly weights: Float32Array;
}

// Vite emits the file as an asset for this `new URL(…, import.meta.url)` form; Node reads it in place.
const DEFAULT_ASSET = new URL("../../../../assets/words-50k.bin", import.meta.url);
const isNode = typeof process === "object" && typeof process.versions?.node === "string";
const loaded = new Map<string, Promise<WordModel>>();

/**
 * The word-vector asset, read once per location and kept: from the file in Node (a path or file: URL), else
 * fetched (in a browser, a relative string is relative to the page).
 */
export function wordModel(assetURL?: string | URL): Promise<WordModel> {
  const location = assetURL ?? DEFAULT_ASSET;
  const key = String(location);
  let model = loaded.get(key);
  if (!model) {
    model = readAsset(location).then((bytes) => {
      try {
        const words = decodeWordVectors(bytes);
        return {words, weights: sifWeights(words.ranks)};
      } catch (error) {
        throw new EmbedError("words", `${key}: ${(error as Error).message}`, {cause: error});
      }
    });
    model.catch(() => loaded.delete(key)); // a failed fetch may succeed next time
    loaded.set(key, model);
  }
  return model;
}

async function readAsset(location: string | URL): Promise<Uint8Array> {
  try {
    if (isNode && locationKind(location) === "file") {
      const {readFileBytes} = await import("../read-file-node.ts");
      return await readFileBytes(location);
    }
    const response = await fetch(location);
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new EmbedError("words", `could not read the word vectors at ${String(location)}: ${reason}`, {
      cause: error
    });
  }
}
