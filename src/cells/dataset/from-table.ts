import type {Table, Vector} from "apache-arrow";
import {checkOptions, type OptionKeys} from "../options.ts";
import type {Dataset, EmbeddingVectors} from "./dataset.ts";
import {embeddingVectors} from "./embedding-vectors.ts";
import {DatasetError, type DatasetProblem} from "./errors.ts";
import {normalizeSchemaSpec} from "./normalize-schema.ts";
import {predictionIds} from "./prediction-ids.ts";
import {resolveSchema} from "./resolve-schema.ts";
import type {PhoenixSchemaJson, SchemaSpec} from "./schema.ts";
import {normalizeTimestamps, timeOrder} from "./timestamps.ts";

/** Options of `fromTable` (and of `load`). */
export interface DatasetOptions {
  /** What the columns mean; our camelCase schema or Phoenix's `schema.json`. Default: every column a feature. */
  readonly schema?: SchemaSpec | PhoenixSchemaJson;
  /** The dataset's name, shown in the views and in exports. Default: "primary". */
  readonly name?: string;
  /** Epoch ms given to every row when the schema has no timestamp. Default: the time of the load. */
  readonly loadTime?: number;
}

const DATASET_OPTIONS: OptionKeys<DatasetOptions> = {schema: true, name: true, loadTime: true};

/**
 * Builds a Dataset from an Arrow table: resolves the schema, normalizes timestamps and ids, extracts the
 * embedding vectors, and reports every problem at once as one DatasetError naming `source`.
 *
 * @param table - The table: kept whole as the dataset's `table`, columns and rows in their order.
 * @param source - The file, URL or description of the data, named in errors (the dataset's `source`).
 * @param options - The schema, the dataset's name and the load time.
 */
export function fromTable(table: Table, source: string, options: DatasetOptions = {}): Dataset {
  checkOptions("px.fromTable", options, DATASET_OPTIONS);
  const name = options.name ?? "primary";
  const columns = table.schema.fields.map((field) => field.name);
  const {schema, problems, warnings} = resolveSchema(normalizeSchemaSpec(options.schema), columns);
  const allProblems: DatasetProblem[] = [...problems];
  const allWarnings = [...warnings];
  const numRows = table.numRows;
  if (numRows === 0) allProblems.push({message: "no rows"});
  // Arrow and Parquet allow two columns of one name, but every read by name would find only the first.
  const [seen, duplicates] = [new Set<string>(), new Set<string>()];
  for (const column of columns) (seen.has(column) ? duplicates : seen).add(column);
  if (duplicates.size) allProblems.push({message: `duplicate column names: ${[...duplicates].join(", ")}`});
  const column = (columnName: string | null): Vector | null =>
    columnName === null ? null : (table.getChild(columnName) as Vector | null);

  const time = normalizeTimestamps(
    column(schema.timestamp),
    schema.timestamp,
    numRows,
    options.loadTime ?? Date.now()
  );
  allProblems.push(...time.problems);
  const ids = predictionIds(column(schema.predictionId), schema.predictionId, numRows, name);
  allProblems.push(...ids.problems);
  allWarnings.push(...ids.warnings);

  const embeddings: Record<string, EmbeddingVectors> = {};
  for (const [feature, {vector}] of Object.entries(schema.embeddings)) {
    const vectors = column(vector);
    if (vectors === null) continue; // already reported as a missing column
    const result = embeddingVectors(feature, vectors, vector);
    allProblems.push(...result.problems);
    if (result.embedding) embeddings[feature] = result.embedding;
  }
  if (allProblems.length) throw new DatasetError(source, allProblems);
  return withSummary({
    name,
    source,
    table,
    schema,
    numRows,
    timestamps: time.timestamps,
    timeOrder: timeOrder(time.timestamps),
    predictionIds: ids.ids,
    embeddings,
    warnings: allWarnings
  });
}

/** What JSON.stringify (and the runner's report) shows of a dataset: its shape, not its millions of values. */
export function withSummary(dataset: Dataset): Dataset {
  const summary = () => ({
    name: dataset.name,
    source: dataset.source,
    rows: dataset.numRows,
    columns: dataset.table.schema.fields.map((field) => field.name),
    features: dataset.schema.features,
    embeddings: Object.fromEntries(
      Object.values(dataset.embeddings).map((e) => [e.name, {dim: e.dim, vectors: e.rows.length}])
    )
  });
  return Object.defineProperty(dataset, "toJSON", {value: summary, enumerable: false});
}
