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

/** Phoenix's schema.json key of a field that names one column. */
export type SingleColumnKey =
  | "prediction_id_column_name"
  | "timestamp_column_name"
  | "prediction_label_column_name"
  | "prediction_score_column_name"
  | "actual_label_column_name"
  | "actual_score_column_name";

/** A single-column field that the reference's schema sets otherwise than the primary's. */
export interface ReferenceField {
  readonly key: SingleColumnKey;
  /** The primary's column; null when it has none. */
  readonly primary: string | null;
  /** The reference's column; null when it has none (it lacks the primary's). */
  readonly reference: string | null;
}

/** A column of one of the primary's embeddings that the reference lacks. */
export interface EmbeddingColumnLacking {
  /** The embedding feature's name. */
  readonly name: string;
  readonly part: "vector" | "raw data" | "link to data";
  readonly column: string;
}

/**
 * The reference's own schema, written as the primary's (the `schema` cell) with these fields set otherwise: it
 * names only the columns the reference has. Inferred schemas only; a given one loads both files.
 */
export interface ReferenceSchema {
  /** The single-column fields set otherwise (none when only the embeddings differ). */
  readonly fields: readonly ReferenceField[];
  /** The reference's embeddings (null: none) when they differ from the primary's; absent when the same. */
  readonly embeddings?: PhoenixSchemaJson["embedding_feature_column_names"];
  /** The primary's embedding columns the reference lacks: an embedding without its vectors is left out. */
  readonly embeddingsLacking: readonly EmbeddingColumnLacking[];
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
  /** The reference's own schema where its columns differ from the primary's; null when one schema loads both. */
  readonly referenceSchema: ReferenceSchema | null;
  /** The embedding the notebook projects and measures drift on; null when there is none to make. */
  readonly embedding: string | null;
  /**
   * The column the embedding comes from (its vectors, or what px.embed embeds) when the reference lacks it:
   * the point cloud shows the primary alone, without embedding drift. Null otherwise.
   */
  readonly embeddingMissing: string | null;
  /** How the embedding is made; null when the data has its vectors. */
  readonly embed: EmbedStep | null;
  /** The column of text shown when hovering a point; null without one. */
  readonly hoverText: string | null;
  /** Whether the primary dataset has a timestamp column (the drift timeline needs one). */
  readonly timestamps: boolean;
  /** The model's performance cells, by the label and score columns there are; null without them. */
  readonly performance: "classification" | "regression" | null;
  /** The dataset without the columns the metrics need (its metrics are null), and what it lacks ("actual label"). */
  readonly unscored: {readonly dataset: "primary" | "reference"; readonly lacks: readonly string[]} | null;
}
