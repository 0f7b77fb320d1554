import type {Table} from "apache-arrow";
import {inferSchema, type PhoenixSchemaJson} from "../../index.ts";
import type {ReferenceField, ReferenceSchema, SingleColumnKey} from "./plan.ts";

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
 * that column otherwise.
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
  return fields.length ? {fields} : null;
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
  return own.fields.map((field) => [field.key, field.reference]);
}
