import type {DatasetProblem} from "./errors.ts";
import type {EmbeddingColumns, Schema, SchemaSpec} from "./schema.ts";

const schemaFields = new Set([
  "predictionId",
  "timestamp",
  "features",
  "tags",
  "predictionLabel",
  "predictionScore",
  "actualLabel",
  "actualScore",
  "embeddings",
  "prompt",
  "response",
  "excluded"
]);

type SingleField =
  "predictionId" | "timestamp" | "predictionLabel" | "predictionScore" | "actualLabel" | "actualScore";

const singleFields: readonly [SingleField, string][] = [
  ["predictionId", "prediction id"],
  ["timestamp", "timestamp"],
  ["predictionLabel", "prediction label"],
  ["predictionScore", "prediction score"],
  ["actualLabel", "actual label"],
  ["actualScore", "actual score"]
];

/** A schema resolved against the table's columns, with what is wrong with it. */
export interface SchemaResolution {
  readonly schema: Schema;
  readonly problems: readonly DatasetProblem[];
  readonly warnings: readonly string[];
}

/**
 * Applies Phoenix's rules: excluded single-column fields are dropped (but the prediction id and timestamp
 * cannot be excluded), embeddings are excluded by feature name, and missing or empty features are inferred
 * as every column no other field uses, in file order. Tags are never inferred.
 */
export function resolveSchema(spec: SchemaSpec, columns: readonly string[]): SchemaResolution {
  const problems: DatasetProblem[] = [];
  const warnings: string[] = [];
  const present = new Set(columns);
  const excluded = new Set(spec.excluded ?? []);
  const embeddingSpecs: Record<string, EmbeddingColumns> = {...spec.embeddings};
  if (spec.prompt) embeddingSpecs["prompt"] = spec.prompt;
  if (spec.response) embeddingSpecs["response"] = spec.response;

  const used = new Set<string>();
  const single = {} as Record<SingleField, string | null>;
  for (const [field, label] of singleFields) {
    const column = spec[field];
    single[field] = null;
    if (column === undefined) continue;
    used.add(column);
    if (excluded.has(column)) {
      if (field === "predictionId" || field === "timestamp") {
        problems.push({column, message: `the ${label} column cannot be excluded`});
      }
      continue;
    }
    if (!present.has(column))
      problems.push({column, message: `declared as the ${label} but not in the file`});
    single[field] = column;
  }

  const embeddings: Record<string, EmbeddingColumns> = {};
  for (const [name, columnsOf] of Object.entries(embeddingSpecs)) {
    if (typeof columnsOf?.vector !== "string") {
      problems.push({message: `embedding "${name}" names no vector column (expected {vector: "column", …})`});
      continue;
    }
    for (const column of [columnsOf.vector, columnsOf.rawData, columnsOf.linkToData])
      if (column) used.add(column);
    if (excluded.has(name)) continue;
    for (const [key, label] of [
      ["vector", "vector"],
      ["rawData", "raw data"],
      ["linkToData", "link to data"]
    ] as const) {
      const column = columnsOf[key];
      if (column !== undefined && !present.has(column)) {
        problems.push({
          column,
          message: `declared as the ${label} of embedding "${name}" but not in the file`
        });
      }
    }
    embeddings[name] = columnsOf;
  }

  const tags = (spec.tags ?? []).filter((column) => !excluded.has(column));
  for (const column of spec.tags ?? []) used.add(column);
  for (const column of tags)
    if (!present.has(column)) problems.push({column, message: "declared as a tag but not in the file"});

  const featuresInferred = !spec.features || spec.features.length === 0;
  const features = featuresInferred
    ? columns.filter((column) => !used.has(column) && !excluded.has(column))
    : spec.features!.filter((column) => !excluded.has(column));
  if (!featuresInferred) {
    for (const column of features) {
      if (!present.has(column)) problems.push({column, message: "declared as a feature but not in the file"});
    }
  }

  for (const key of Object.keys(spec)) {
    if (!schemaFields.has(key))
      warnings.push(`unknown schema field "${key}" (ignored; expected ${[...schemaFields].join(", ")})`);
  }
  const known = new Set([...columns, ...Object.keys(embeddingSpecs)]);
  for (const name of excluded) {
    if (!known.has(name)) warnings.push(`excluded column "${name}" is not in the file`);
  }
  return {schema: {...single, features, tags, embeddings, featuresInferred}, problems, warnings};
}
