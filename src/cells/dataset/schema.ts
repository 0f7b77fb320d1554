/** The columns of one embedding feature. */
export interface EmbeddingColumns {
  /** The column holding the vectors (list or fixed-size list of numbers, or JSON arrays in text formats). */
  readonly vector: string;
  /** The column holding what was embedded (text, or an image's bytes or URL), shown on hover. Default: none. */
  readonly rawData?: string;
  /** A column of links to the raw data (e.g. image URLs). Default: none. */
  readonly linkToData?: string;
}

/**
 * What the columns of a dataset mean, in the Open Inference format. Every field is optional. Phoenix's own
 * `schema.json` (snake_case: `prediction_id_column_name`, …) is accepted unchanged as well.
 */
export interface SchemaSpec {
  /** Unique id per prediction. Default: a generated id per row. Numbers become strings. */
  readonly predictionId?: string;
  /** When each prediction was made: numbers (UNIX seconds, UTC), dates, or ISO-8601 text. Default: load time. */
  readonly timestamp?: string;
  /** Feature columns. Default: every column no other field uses, in file order (an empty list too). */
  readonly features?: readonly string[];
  /** Tag columns (never inferred). Default: none. */
  readonly tags?: readonly string[];
  /** The predicted class (performance compares it with `actualLabel`). Default: none. */
  readonly predictionLabel?: string;
  /** The predicted number (performance's regression errors compare it with `actualScore`). Default: none. */
  readonly predictionScore?: string;
  /** The true class. Default: none. */
  readonly actualLabel?: string;
  /** The true number. Default: none. */
  readonly actualScore?: string;
  /** Embedding features by name. Default: none. */
  readonly embeddings?: Readonly<Record<string, EmbeddingColumns>>;
  /** For LLM data: the prompt's embedding columns, an embedding feature named "prompt". Default: none. */
  readonly prompt?: EmbeddingColumns;
  /** For LLM data: the response's embedding columns, an embedding feature named "response". Default: none. */
  readonly response?: EmbeddingColumns;
  /**
   * Columns (or embedding feature names) to leave out. Excluding the prediction id or timestamp is an error.
   * Default: none.
   */
  readonly excluded?: readonly string[];
}

/**
 * Phoenix's `schema.json`, as Phoenix writes it: each field means what its camelCase twin in SchemaSpec
 * means, and null means left out.
 */
export interface PhoenixSchemaJson {
  /** SchemaSpec's `predictionId`. Default: a generated id per row. */
  readonly prediction_id_column_name?: string | null;
  /** SchemaSpec's `timestamp`. Default: the load time. */
  readonly timestamp_column_name?: string | null;
  /** SchemaSpec's `features`. Default: every column no other field uses, in file order. */
  readonly feature_column_names?: readonly string[] | null;
  /** SchemaSpec's `tags`. Default: none. */
  readonly tag_column_names?: readonly string[] | null;
  /** SchemaSpec's `predictionLabel`. Default: none. */
  readonly prediction_label_column_name?: string | null;
  /** SchemaSpec's `predictionScore`. Default: none. */
  readonly prediction_score_column_name?: string | null;
  /** SchemaSpec's `actualLabel`. Default: none. */
  readonly actual_label_column_name?: string | null;
  /** SchemaSpec's `actualScore`. Default: none. */
  readonly actual_score_column_name?: string | null;
  /** SchemaSpec's `embeddings`. Default: none. */
  readonly embedding_feature_column_names?: Readonly<Record<string, PhoenixEmbeddingColumnsJson>> | null;
  /** SchemaSpec's `prompt`. Default: none. */
  readonly prompt_column_names?: PhoenixEmbeddingColumnsJson | null;
  /** SchemaSpec's `response`. Default: none. */
  readonly response_column_names?: PhoenixEmbeddingColumnsJson | null;
  /** SchemaSpec's `excluded`. Default: none. */
  readonly excluded_column_names?: readonly string[] | null;
}

/** Phoenix's columns of one embedding feature, as `schema.json` writes them (EmbeddingColumns, snake_case). */
export interface PhoenixEmbeddingColumnsJson {
  /** EmbeddingColumns' `vector`. */
  readonly vector_column_name: string;
  /** EmbeddingColumns' `rawData`. Default: none. */
  readonly raw_data_column_name?: string | null;
  /** EmbeddingColumns' `linkToData`. Default: none. */
  readonly link_to_data_column_name?: string | null;
}

/** A schema resolved against a table: features listed (given or inferred), exclusions applied. */
export interface Schema {
  /** The prediction id column; null when ids were generated. */
  readonly predictionId: string | null;
  /** The timestamp column; null when every row got the load time. */
  readonly timestamp: string | null;
  /** The feature columns, given or inferred (see `featuresInferred`), excluded ones left out. */
  readonly features: readonly string[];
  /** The tag columns. */
  readonly tags: readonly string[];
  /** The predicted class's column; null without one. */
  readonly predictionLabel: string | null;
  /** The predicted score's column; null without one. */
  readonly predictionScore: string | null;
  /** The true class's column; null without one. */
  readonly actualLabel: string | null;
  /** The true score's column; null without one. */
  readonly actualScore: string | null;
  /** Embedding features by name; `prompt` and `response` appear here under those names too. */
  readonly embeddings: Readonly<Record<string, EmbeddingColumns>>;
  /** Whether the features were inferred rather than given. */
  readonly featuresInferred: boolean;
}
