import type {BakedValue} from "./collect.ts";

/** What the build gives a bake thread (as `workerData`). */
export interface BakeThreadInput {
  /** The notebook file's path. */
  readonly file: string;
  /** How warnings name the notebook (its page path, `digits-drift.html`). */
  readonly name: string;
  /** URLs of modules whose default export is a NotebookPlugin (for Node), loaded in the thread. */
  readonly plugins: readonly string[];
  /** How long the cells may take to settle, ms; what has not computed by then is not baked. */
  readonly timeoutMs: number;
}

/** What a bake thread posts back, once. */
export type BakeThreadMessage =
  | {readonly type: "baked"; readonly values: BakedValue[]; readonly warnings: string[]}
  /** The notebook could not be read as a notebook. */
  | {readonly type: "format"; readonly message: string};
