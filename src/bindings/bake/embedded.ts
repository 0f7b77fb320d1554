import type {Dataset} from "../../index.ts";

/** What px.embed made a dataset from: the dataset it embedded and the new feature's name. */
export interface EmbeddedFrom {
  readonly input: Dataset;
  readonly name: string;
}

/**
 * The datasets px.embed returned in this thread: the embedding codec bakes these, and no other dataset (a
 * loaded one is cheap to load again, and far larger than its vectors).
 */
export const embeddedDatasets = new WeakMap<Dataset, EmbeddedFrom>();
