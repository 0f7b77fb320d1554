/** The columns of one embedding feature. */
export interface EmbeddingColumns {
  /** The column holding the vectors (list or fixed-size list of numbers, or JSON arrays in text formats). */
  readonly vector: string;
  /** The column holding what was embedded (text, or an image's bytes or URL), shown on hover. Optional. */
  readonly rawData?: string;
  /** A column of links to the raw data (e.g. image URLs). Optional. */
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
  /** Feature columns. Default (missing or empty): every column no other field uses, in file order. */
  readonly features?: readonly string[];
  /** Tag columns (never inferred). Default: none. */
  readonly tags?: readonly string[];
  readonly predictionLabel?: string;
  readonly predictionScore?: string;
  readonly actualLabel?: string;
  readonly actualScore?: string;
  /** Embedding features by name. */
  readonly embeddings?: Readonly<Record<string, EmbeddingColumns>>;
  /** For LLM data: the prompt's embedding columns. */
  readonly prompt?: EmbeddingColumns;
  /** For LLM data: the response's embedding columns. */
  readonly response?: EmbeddingColumns;
  /** Columns (or embedding feature names) to leave out. Excluding the prediction id or timestamp is an error. */
  readonly excluded?: readonly string[];
}

/** Phoenix's `schema.json`, as Phoenix writes it. */
export interface PhoenixSchemaJson {
  readonly prediction_id_column_name?: string | null;
  readonly timestamp_column_name?: string | null;
  readonly feature_column_names?: readonly string[] | null;
  readonly tag_column_names?: readonly string[] | null;
  readonly prediction_label_column_name?: string | null;
  readonly prediction_score_column_name?: string | null;
  readonly actual_label_column_name?: string | null;
  readonly actual_score_column_name?: string | null;
  readonly embedding_feature_column_names?: Readonly<Record<string, PhoenixEmbeddingColumnsJson>> | null;
  readonly prompt_column_names?: PhoenixEmbeddingColumnsJson | null;
  readonly response_column_names?: PhoenixEmbeddingColumnsJson | null;
  readonly excluded_column_names?: readonly string[] | null;
}

export interface PhoenixEmbeddingColumnsJson {
  readonly vector_column_name: string;
  readonly raw_data_column_name?: string | null;
  readonly link_to_data_column_name?: string | null;
}

/** A schema resolved against a table: features listed (given or inferred), exclusions applied. */
export interface Schema {
  /** The prediction id column; null when ids were generated. */
  readonly predictionId: string | null;
  /** The timestamp column; null when every row got the load time. */
  readonly timestamp: string | null;
  readonly features: readonly string[];
  readonly tags: readonly string[];
  readonly predictionLabel: string | null;
  readonly predictionScore: string | null;
  readonly actualLabel: string | null;
  readonly actualScore: string | null;
  /** Embedding features by name; `prompt` and `response` appear here under those names too. */
  readonly embeddings: Readonly<Record<string, EmbeddingColumns>>;
  /** Whether the features were inferred rather than given. */
  readonly featuresInferred: boolean;
}
