import type {Field} from "apache-arrow";
import type {TimeRange} from "../dataset/time-range.ts";
import type {Schema, SchemaSpec} from "../dataset/schema.ts";
import type {SqlDatabase} from "./database.ts";
import type {SqlDialect} from "./dialect.ts";
import type {Sql} from "./sql.ts";

/** One embedding feature of a dataset in a database: its vector column and the vectors' length. */
export interface SqlEmbedding {
  /** The column holding the vectors (a list or array of numbers). */
  readonly column: string;
  /** The length of the first vector found; 0 when the column holds none. */
  readonly dim: number;
}

/**
 * A Phoenix dataset that stays in its database (px.fromSql): the px cells that accept one compute in SQL and
 * read back only summaries (centroids, bin counts, statistics) or a sample. Row numbers have no meaning here.
 */
export interface SqlDataset {
  /** Tells a dataset in a database from one in memory. */
  readonly kind: "sql";
  /** Where the rows are. */
  readonly database: SqlDatabase;
  /** How the database spells what engines spell differently. */
  readonly dialect: SqlDialect;
  /** The dataset's name ("production", "training", or given). */
  readonly name: string;
  /** The table or query it reads, for error messages. */
  readonly source: string;
  /** The rows as a FROM item: a quoted table name or a parenthesized query, with its parameters. */
  readonly relation: Sql;
  /** The columns and their types, as the database reports them. */
  readonly fields: readonly Field[];
  /** The schema resolved against the columns: features listed (given or inferred), exclusions applied. */
  readonly schema: Schema;
  /** The schema as given (normalized), to build in-memory datasets of samples. */
  readonly spec: SchemaSpec;
  /** Epoch ms given to every row when the schema has no timestamp. */
  readonly loadTime: number;
  /** Rows in the table or query when it was opened. */
  readonly numRows: number;
  /** Each row's timestamp in epoch ms (a DOUBLE), as px.load reads it: numbers are UNIX seconds. */
  readonly time: Sql;
  /** The rows' time range as Phoenix defines it (see datasetTimeRange). */
  readonly timeRange: TimeRange;
  /** Embedding features by name. */
  readonly embeddings: Readonly<Record<string, SqlEmbedding>>;
  /** Non-fatal problems found while opening it (unknown excluded names…). */
  readonly warnings: readonly string[];
}

/**
 * Whether a value is a dataset in a database (px.fromSql) rather than one in memory.
 *
 * @param value - Anything: a dataset of either kind, or not a dataset.
 */
export function isSqlDataset(value: unknown): value is SqlDataset {
  return typeof value === "object" && value !== null && (value as {kind?: unknown}).kind === "sql";
}
