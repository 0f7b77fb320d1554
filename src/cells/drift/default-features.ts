import type {DataType} from "apache-arrow";
import {booleansAsNumbers, columnKind, type ColumnKind} from "../dataset/column-values.ts";
import {DatasetError} from "../dataset/errors.ts";
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
 * The primary's default features (see defaultFeatures) that the reference has a column for: Phoenix compares
 * the features both datasets have, so a reference with fewer columns drifts on those it has instead of
 * failing. A feature asked for by name is never dropped (its absence stays an error).
 */
export function sharedFeatures(
  primary: {readonly schema: Schema},
  referenceHas: (column: string) => boolean
): string[] {
  return defaultFeatures(primary).filter(referenceHas);
}

/**
 * How a column is binned: labels are discrete and scores continuous whatever their storage type, as Phoenix
 * guesses; other columns by type. Undefined for a type that cannot be binned. `other`: the other dataset's
 * column type, where both hold values: booleans against numbers are discrete on both sides, true and false
 * keyed 1 and 0 (booleansAsNumbers), as Phoenix guesses a column with booleans discrete and pandas' value_counts
 * keys True and 1 alike.
 */
export function featureKind(
  schema: Schema,
  feature: string,
  type: DataType,
  other?: DataType
): ColumnKind | undefined {
  const {predictionLabel, actualLabel, predictionScore, actualScore} = schema;
  if (feature === predictionLabel || feature === actualLabel) return "discrete";
  if (feature === predictionScore || feature === actualScore) return "continuous";
  if (other && booleansAsNumbers(type, other)) return "discrete";
  return columnKind(type);
}

/**
 * Throws unless a feature is measured the same way on both sides: a number column in the primary against a
 * text one in the reference would put every reference value in the null bin and report a large drift that
 * says only that the files differ. `referenceHasValues`/`primaryHasValues`: a side whose column holds only
 * nulls (a CSV column left empty reads as text) has no values to disagree with, and passes.
 */
export function checkSameKind(
  feature: string,
  primary: {
    readonly source: string;
    readonly kind: ColumnKind;
    readonly type: DataType;
    readonly hasValues: boolean;
  },
  reference: {
    readonly source: string;
    readonly kind: ColumnKind | undefined;
    readonly type: DataType;
    readonly hasValues: boolean;
  }
): void {
  if (reference.kind === undefined || reference.kind === primary.kind) return;
  if (!primary.hasValues || !reference.hasValues) return;
  throw new DatasetError(reference.source, [
    {
      column: feature,
      message: `is ${reference.kind} (${reference.type}) here but ${primary.kind} (${primary.type}) in ${primary.source}: drift compares a column with the same column`
    }
  ]);
}

/** A column as feature drift sees it on one side: the file, its type and whether it holds a value. */
export interface FeatureColumn {
  readonly source: string;
  readonly type: DataType;
  readonly hasValues: boolean;
}

/**
 * The side whose column drift cannot bin (a list, a struct, a time of day; nulls of no type on both sides), or
 * null when both can be binned. A side without a value has nothing to bin and passes: the other's type decides.
 */
export function unbinnableSide(
  primary: FeatureColumn & {readonly kind: ColumnKind | undefined},
  reference: FeatureColumn & {readonly kind: ColumnKind | undefined}
): FeatureColumn | null {
  if (primary.kind === undefined && primary.hasValues) return primary;
  if (reference.kind === undefined && reference.hasValues) return reference;
  return primary.kind === undefined && reference.kind === undefined ? primary : null;
}

/**
 * A feature drift cannot bin: asked for by name, an error naming the file and the column; taken from the
 * schema, a warning, so that one list or struct column does not fail the drift of every other feature.
 */
export function skipUnbinnable(
  feature: string,
  column: FeatureColumn,
  asked: boolean,
  warnings: string[]
): void {
  const message = `cannot measure drift of a ${column.type} column`;
  if (asked) throw new DatasetError(column.source, [{column: feature, message}]);
  warnings.push(`column "${feature}" left out: ${column.source}: ${message}`);
}

/**
 * The drifts, with the features left out as their `warnings` (not enumerable, so that the array compares,
 * spreads and serializes as before; a notebook shows them under the cell).
 */
export function withWarnings<T>(
  drifts: T[],
  warnings: readonly string[]
): T[] & {readonly warnings: readonly string[]} {
  return Object.defineProperty(drifts, "warnings", {value: warnings, enumerable: false}) as T[] & {
    readonly warnings: readonly string[];
  };
}
