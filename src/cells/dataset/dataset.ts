import type {Table} from "apache-arrow";
import type {Schema} from "./schema.ts";

/** One embedding feature's vectors, contiguous: no per-row arrays. */
export interface EmbeddingVectors {
  /** The embedding feature's name (the key in `schema.embeddings`). */
  readonly name: string;
  /** Vector length. */
  readonly dim: number;
  /** Row-major n × dim, n = the table's row count; rows without a vector hold zeros. */
  readonly vectors: Float32Array;
  /** The dataset's rows that have a vector, ascending (a window's: those in the window). */
  readonly rows: Int32Array;
}

/** A loaded Phoenix dataset: the table as read, its resolved schema, timestamps and embedding vectors. */
export interface Dataset {
  /** The dataset's name ("production", "training", or given). */
  readonly name: string;
  /** The file, URL or description it came from, for error messages. */
  readonly source: string;
  /** The table as read: every original column in its original order, rows in file order. */
  readonly table: Table;
  /** The schema resolved against the table: features listed (given or inferred), exclusions applied. */
  readonly schema: Schema;
  /**
   * Rows in the dataset: the table's, or a window's (px.window). Row numbers always index the table, the
   * timestamps, the ids and the vectors, from 0 to `table.numRows` − 1; a window's rows are its `timeOrder`.
   */
  readonly numRows: number;
  /** Each row's timestamp in epoch milliseconds (UTC), in file order: one per row of the table. */
  readonly timestamps: Float64Array;
  /**
   * The dataset's rows in timestamp order (stable). Phoenix sorts the rows themselves; we keep the file's
   * order in the table and sort through this index, so that nothing is copied and exports keep the file's
   * order. A window's is a view of its dataset's: the rows in the window.
   */
  readonly timeOrder: Int32Array;
  /** Each row's prediction id (given, stringified, or generated). */
  readonly predictionIds: readonly string[];
  /** Vectors per embedding feature name. */
  readonly embeddings: Readonly<Record<string, EmbeddingVectors>>;
  /** Non-fatal problems found while loading (duplicate prediction ids, unknown excluded names…). */
  readonly warnings: readonly string[];
}
