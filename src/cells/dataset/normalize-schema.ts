import {checkNames} from "./check-dataset.ts";
import type {EmbeddingColumns, PhoenixEmbeddingColumnsJson, PhoenixSchemaJson, SchemaSpec} from "./schema.ts";

const snakeKeys = new Set([
  "prediction_id_column_name",
  "timestamp_column_name",
  "feature_column_names",
  "tag_column_names",
  "prediction_label_column_name",
  "prediction_score_column_name",
  "actual_label_column_name",
  "actual_score_column_name",
  "embedding_feature_column_names",
  "prompt_column_names",
  "response_column_names",
  "excluded_column_names"
]);

/** Accepts our camelCase schema or Phoenix's snake_case `schema.json` as it is, and returns the former. */
export function normalizeSchemaSpec(spec: SchemaSpec | PhoenixSchemaJson | undefined): SchemaSpec {
  if (spec === undefined || spec === null) return {};
  if (typeof spec !== "object") throw new TypeError(`schema: expected an object, not ${typeof spec}`);
  const keys = Object.keys(spec);
  if (!keys.some((key) => snakeKeys.has(key))) return checkLists(spec as SchemaSpec);
  const json = spec as PhoenixSchemaJson;
  // Keys that are not Phoenix's pass through as they are, so that resolveSchema warns of them by name.
  const unknown = Object.fromEntries(Object.entries(spec).filter(([key]) => !snakeKeys.has(key)));
  const embeddings = json.embedding_feature_column_names;
  return checkLists(
    omitUndefined({
      ...unknown,
      predictionId: json.prediction_id_column_name ?? undefined,
      timestamp: json.timestamp_column_name ?? undefined,
      features: json.feature_column_names ?? undefined,
      tags: json.tag_column_names ?? undefined,
      predictionLabel: json.prediction_label_column_name ?? undefined,
      predictionScore: json.prediction_score_column_name ?? undefined,
      actualLabel: json.actual_label_column_name ?? undefined,
      actualScore: json.actual_score_column_name ?? undefined,
      embeddings: embeddings
        ? Object.fromEntries(
            Object.entries(embeddings).map(([name, columns]) => [name, embeddingColumns(columns)])
          )
        : undefined,
      prompt: json.prompt_column_names ? embeddingColumns(json.prompt_column_names) : undefined,
      response: json.response_column_names ? embeddingColumns(json.response_column_names) : undefined,
      excluded: json.excluded_column_names ?? undefined
    })
  );
}

/** The lists of column names, each an array of strings: `features: "age"` would be read letter by letter. */
function checkLists(spec: SchemaSpec): SchemaSpec {
  for (const key of ["features", "tags", "excluded"] as const) checkNames("schema", key, spec[key]);
  return spec;
}

function embeddingColumns(json: PhoenixEmbeddingColumnsJson): EmbeddingColumns {
  return omitUndefined({
    vector: json.vector_column_name,
    rawData: json.raw_data_column_name ?? undefined,
    linkToData: json.link_to_data_column_name ?? undefined
  }) as EmbeddingColumns;
}

function omitUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
