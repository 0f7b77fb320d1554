import type {CellResult} from "./cell-result.ts";

/** What the runner's parent gives its notebook thread (as `workerData`). */
export interface NotebookThreadInput {
  /** The notebook file's path. */
  file: string;
  /** `--set` assignments, in order. */
  set: [name: string, value: unknown][];
  /** URLs of modules whose default export is a NotebookPlugin, loaded in the thread. */
  plugins: string[];
}

/** What the notebook thread tells its parent. */
export type NotebookThreadMessage =
  /** The notebook is read and its cells defined: they start running now. */
  | {type: "opened"}
  /** A cell's report changed; `order` lists every cell's id in notebook order. */
  | {type: "cell"; id: number; result: CellResult; order: number[]}
  | {type: "progress"; label: string; fraction: number; stage?: string}
  /** The command line named something the notebook does not have: a usage error. */
  | {type: "usage"; message: string}
  /** The notebook file could not be read as a notebook. */
  | {type: "format"; message: string}
  /**
   * An error no cell's computation caught (a timer's callback threw, a promise nobody awaited rejected), as
   * the runner prints it: naming the cell its code came from when it can, the secrets taken out.
   */
  | {type: "uncaught"; text: string}
  /** Every cell has settled. */
  | {type: "settled"};
