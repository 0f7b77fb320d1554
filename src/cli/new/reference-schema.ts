import type {Table} from "apache-arrow";
import {inferSchema, type PhoenixSchemaJson} from "../../index.ts";
import type {EmbeddingColumnLacking, ReferenceField, ReferenceSchema, SingleColumnKey} from "./plan.ts";

const SINGLE: readonly [SingleColumnKey, string][] = [
  ["prediction_id_column_name", "prediction id"],
  ["timestamp_column_name", "timestamp"],
  ["prediction_label_column_name", "prediction label"],
  ["prediction_score_column_name", "prediction score"],
  ["actual_label_column_name", "actual label"],
  ["actual_score_column_name", "actual score"]
];

/** A field's words: "actual label" for actual_label_column_name. */
export function fieldLabel(key: SingleColumnKey): string {
  return SINGLE.find(([k]) => k === key)![1];
}

/**
 * The reference's schema as it differs from the primary's inferred one (null when it does not): each
 * single-column field the reference has no column for is null (Phoenix loads a reference without actuals or
 * scores, and its metrics are then undefined), and a field the primary has no column for takes the column the
 * reference's own inference finds (its labels, while the primary awaits them), unless the primary's schema uses
 * that column otherwise. Embeddings whose vector column the reference lacks are left out of it; a raw-data or
 * link column it lacks is null.
 */
export function referenceSchema(
  schema: Required<PhoenixSchemaJson>,
  reference: Table
): ReferenceSchema | null {
  const has = (column: string | null | undefined) => !!column && reference.getChild(column) !== null;
  const own = inferSchema(reference).schema;
  const used = usedColumns(schema);
  const fields: ReferenceField[] = [];
  for (const [key] of SINGLE) {
    const primary = schema[key];
    if (primary !== null && has(primary)) continue;
    const found = own[key];
    const column = found !== null && !used.has(found) ? found : null;
    if (column !== primary) fields.push({key, primary, reference: column});
  }
  const {embeddings, lacking} = ownEmbeddings(schema.embedding_feature_column_names, has);
  if (!fields.length && !lacking.length) return null;
  return {fields, ...(lacking.length ? {embeddings} : {}), embeddingsLacking: lacking};
}

type EmbeddingsJson = PhoenixSchemaJson["embedding_feature_column_names"];

// The embeddings whose vectors the reference has, without a raw-data or link column it lacks (null: none).
function ownEmbeddings(
  primary: EmbeddingsJson,
  has: (column: string | null | undefined) => boolean
): {embeddings: EmbeddingsJson; lacking: EmbeddingColumnLacking[]} {
  const embeddings: Record<string, NonNullable<EmbeddingsJson>[string]> = {};
  const lacking: EmbeddingColumnLacking[] = [];
  for (const [name, columns] of Object.entries(primary ?? {})) {
    const vector = columns.vector_column_name;
    if (!has(vector)) {
      lacking.push({name, part: "vector", column: vector});
      continue;
    }
    const part = (column: string | null | undefined, label: "raw data" | "link to data") => {
      if (!column || has(column)) return column ?? null;
      lacking.push({name, part: label, column});
      return null;
    };
    embeddings[name] = {
      vector_column_name: vector,
      raw_data_column_name: part(columns.raw_data_column_name, "raw data"),
      link_to_data_column_name: part(columns.link_to_data_column_name, "link to data")
    };
  }
  return {embeddings: Object.keys(embeddings).length ? embeddings : null, lacking};
}

// Every column the schema gives a part: a column the reference infers as its label is not taken from a feature.
function usedColumns(schema: Required<PhoenixSchemaJson>): Set<string> {
  const embeddingColumns = Object.values(schema.embedding_feature_column_names ?? {}).flatMap((c) => [
    c.vector_column_name,
    c.raw_data_column_name,
    c.link_to_data_column_name
  ]);
  return new Set(
    [
      ...SINGLE.map(([key]) => schema[key]),
      ...(schema.feature_column_names ?? []),
      ...(schema.excluded_column_names ?? []),
      ...embeddingColumns
    ].filter((c): c is string => typeof c === "string")
  );
}

/** The reference's schema as the notebook's referenceSchema cell makes it: the primary's, its fields replaced. */
export function withOwn(schema: PhoenixSchemaJson, own: ReferenceSchema): PhoenixSchemaJson {
  return {...schema, ...Object.fromEntries(ownEntries(own))};
}

/** The fields the reference's schema sets otherwise, as [schema.json key, value]. */
export function ownEntries(own: ReferenceSchema): [string, unknown][] {
  const entries: [string, unknown][] = own.fields.map((field) => [field.key, field.reference]);
  if (own.embeddings !== undefined) entries.push(["embedding_feature_column_names", own.embeddings]);
  return entries;
}
