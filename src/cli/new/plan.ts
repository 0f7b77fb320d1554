import type {PhoenixSchemaJson} from "../../index.ts";

/** How `new` makes the vectors a notebook projects when the data has none (px.embed's methods). */
export interface EmbedStep {
  /** "words" for raw text, "pixels" for images, "tabular" for the features. */
  readonly method: "words" | "pixels" | "tabular";
  /** The text or image column; null for "tabular". */
  readonly column: string | null;
  /**
   * "pixels": the images are links to other sites (http or https), which a page fetches only when px.embed is
   * given `remoteImages: true`; the notebook says so, and `new` prints that readers' browsers will call them.
   */
  readonly remoteImages?: boolean;
}

/**
 * Features of an inferred schema found in one data file only (left out of the schema, which both files load
 * with): by the file that has them.
 */
export interface OneSidedFeatures {
  readonly primary: readonly string[];
  readonly reference: readonly string[];
}

/** Everything the notebook's cells depend on, decided from the data before a cell is written. */
export interface NotebookPlan {
  /** The notebook's title. */
  readonly title: string;
  /** The primary data file, relative to the notebook's folder, with `/` separators. */
  readonly primary: string;
  /** The reference data file, likewise; null for the single-dataset (exploration) notebook. */
  readonly reference: string | null;
  /** The schema file (relative, as `primary`), or the schema written into the notebook. */
  readonly schema: {readonly file: string} | {readonly inline: PhoenixSchemaJson};
  /** Inferred features that only one file has, left out of the schema; null when there are none. */
  readonly oneSided: OneSidedFeatures | null;
  /** The embedding the notebook projects and measures drift on; null when there is none to make. */
  readonly embedding: string | null;
  /** How the embedding is made; null when the data has its vectors. */
  readonly embed: EmbedStep | null;
  /** The column of text shown when hovering a point; null without one. */
  readonly hoverText: string | null;
  /** Whether the primary dataset has a timestamp column (the drift timeline needs one). */
  readonly timestamps: boolean;
  /** The model's performance cells, by the label and score columns there are; null without them. */
  readonly performance: "classification" | "regression" | null;
}
