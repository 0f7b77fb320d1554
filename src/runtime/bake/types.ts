/** One baked value of a cell: its value, or one output of a JavaScript cell, in an Arrow IPC file. */
export interface BakedPart {
  /** The JavaScript cell's output this is; null for the cell's value. */
  readonly output: string | null;
  /** The BakeCodec that encoded it (and decodes it). */
  readonly codec: string;
  /** The Arrow IPC file, relative to the page (`digits-drift.bake/15.arrow`). */
  readonly file: string;
}

/** A cell baked at build time: shown from its parts while the page computes the same key. */
export interface BakedCell {
  /** The cell's id in the notebook. */
  readonly cell: number;
  /** bakeKey of the cell when it was baked (see key.ts). */
  readonly key: string;
  readonly parts: readonly BakedPart[];
}

/** What a built page knows of its baked cells (embedded in the page's notebook data). */
export interface BakeManifest {
  readonly cells: readonly BakedCell[];
}
