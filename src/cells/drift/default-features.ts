import type {DataType} from "apache-arrow";
import {columnKind, type ColumnKind} from "../dataset/column-values.ts";
import type {Schema} from "../dataset/schema.ts";

/** The schema's features, then whichever of prediction/actual label/score the schema has. */
export function defaultFeatures(dataset: {readonly schema: Schema}): string[] {
  const {features, predictionLabel, predictionScore, actualLabel, actualScore} = dataset.schema;
  return [
    ...features,
    ...[predictionLabel, predictionScore, actualLabel, actualScore].filter((c): c is string => c !== null)
  ];
}

/**
 * How a column is binned: labels are discrete and scores continuous whatever their storage type, as Phoenix
 * guesses; other columns by type. Undefined for a type that cannot be binned.
 */
export function featureKind(schema: Schema, feature: string, type: DataType): ColumnKind | undefined {
  const {predictionLabel, actualLabel, predictionScore, actualScore} = schema;
  if (feature === predictionLabel || feature === actualLabel) return "discrete";
  if (feature === predictionScore || feature === actualScore) return "continuous";
  return columnKind(type);
}
