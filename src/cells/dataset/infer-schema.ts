import {Type, type DataType, type Table, type Vector} from "apache-arrow";
import {isNumeric, isTemporal, isText} from "./column-types.ts";
import {columnKind} from "./column-values.ts";
import type {PhoenixEmbeddingColumnsJson, PhoenixSchemaJson} from "./schema.ts";

/** What `inferSchema` read from a table: a schema to load it with, and the columns left to embed. */
export interface SchemaInference {
  /** Phoenix's `schema.json` for the table, every field written out (null where none was found). */
  readonly schema: Required<PhoenixSchemaJson>;
  /** A column of raw text that no vector column goes with (to embed with "words"); null without one. */
  readonly text: string | null;
  /** A column of images (links, data URLs or bytes) that no vector goes with (for "pixels"); null without one. */
  readonly images: string | null;
  /**
   * The columns left out of the features, each with why: a type drift cannot bin (a list that is no vector, a
   * struct, a time of day, bytes that are no images) or nulls of no type. Empty when none was.
   */
  readonly warnings: readonly string[];
}

// Phoenix's own column names first, then the common ones; matched without regard to case.
const NAMES = {
  predictionId: ["prediction_id", "id", "event_id", "record_id", "uuid"],
  timestamp: ["prediction_ts", "timestamp", "ts", "time", "datetime", "date", "event_time", "created_at"],
  predictionLabel: ["prediction_label", "predicted_label", "prediction", "predicted", "pred", "y_pred"],
  predictionScore: ["prediction_score", "predicted_score", "score", "probability", "prediction_probability"],
  actualLabel: ["actual_label", "actual", "label", "target", "ground_truth", "true_label", "y", "y_true"],
  actualScore: ["actual_score", "actual_value", "target_value", "true_score", "true_value"]
} as const;

/** Values looked at per column to tell text, images, vectors and dates apart. */
const SAMPLE = 100;

/**
 * Reads a table's columns as Phoenix's schema: the prediction id and timestamp, the prediction and actual
 * labels (text, booleans, whole numbers) and scores (numbers; a label-named column of fractions is a score),
 * found by Phoenix's names and the common ones; each vector column (a list or fixed-size list of floats, or
 * JSON arrays of numbers in text) as an embedding, with a raw-text and an image-link column when there are
 * some; every other column a feature, listed, but for those whose type drift cannot bin (lists, structs, times
 * of day, nulls of no type), named in `warnings` (and excluded when no feature is left, so that the empty list
 * does not bring them back). Tags are never inferred. Pure: reads the table, changes nothing.
 *
 * @param table - The table as read (px.readTable).
 */
export function inferSchema(table: Table): SchemaInference {
  const columns = table.schema.fields.map((field) => ({name: field.name, type: field.type}));
  const used = new Set<string>();
  const take = (name: string | null) => (name === null ? null : (used.add(name), name));
  const vector = (name: string) => table.getChild(name)!;
  const byName = (names: readonly string[], accept: (name: string, type: DataType) => boolean) => {
    for (const wanted of names) {
      const column = columns.find((c) => c.name.toLowerCase() === wanted && !used.has(c.name));
      if (column && accept(column.name, column.type)) return column.name;
    }
    return null;
  };

  const vectors = columns.filter((c) => isVectorColumn(c.type, vector(c.name))).map((c) => c.name);
  vectors.forEach(take);
  const timestamp = take(
    columns.find((c) => !used.has(c.name) && isTemporal(c.type))?.name ??
      byName(NAMES.timestamp, (name, type) => isNumeric(type) || isDateText(type, vector(name)))
  );
  const predictionId = take(byName(NAMES.predictionId, (_, type) => isText(type) || isInteger(type)));
  const label = (name: string, type: DataType) => isLabel(type, vector(name));
  const score = (name: string, type: DataType) => isNumeric(type) && !isLabel(type, vector(name));
  const predictionLabel = take(byName(NAMES.predictionLabel, label));
  const actualLabel = take(byName(NAMES.actualLabel, label));
  const predictionScore = take(
    byName(NAMES.predictionScore, isNumericType) ?? byName(NAMES.predictionLabel, score)
  );
  const actualScore = take(byName(NAMES.actualScore, isNumericType) ?? byName(NAMES.actualLabel, score));

  const free = columns.filter((c) => !used.has(c.name));
  const images = take(free.find((c) => isImageColumn(c.type, vector(c.name)))?.name ?? null);
  const text = take(
    longestText(
      free.filter((c) => c.name !== images),
      vector
    )
  );

  const embeddings: Record<string, PhoenixEmbeddingColumnsJson> = {};
  vectors.forEach((name, i) => {
    // The first vector column gets the raw text and the images: the one thing of the kind there is to show.
    embeddings[embeddingName(name, embeddings)] = {
      vector_column_name: name,
      raw_data_column_name: i === 0 ? text : null,
      link_to_data_column_name: i === 0 ? images : null
    };
  });
  // Phoenix makes every other column a feature; one whose type drift cannot bin would fail its drift and the
  // tabular embedding, and is left out.
  const rest = columns.filter((c) => !used.has(c.name));
  const features = rest.filter((c) => columnKind(c.type) !== undefined).map((c) => c.name);
  const leftOut = rest.filter((c) => columnKind(c.type) === undefined);
  return {
    schema: {
      prediction_id_column_name: predictionId,
      timestamp_column_name: timestamp,
      feature_column_names: features,
      tag_column_names: null,
      prediction_label_column_name: predictionLabel,
      prediction_score_column_name: predictionScore,
      actual_label_column_name: actualLabel,
      actual_score_column_name: actualScore,
      embedding_feature_column_names: vectors.length ? embeddings : null,
      prompt_column_names: null,
      response_column_names: null,
      // An empty feature list means every column (Phoenix's inference), the left-out ones too.
      excluded_column_names: !features.length && leftOut.length ? leftOut.map((c) => c.name) : null
    },
    text: vectors.length ? null : text,
    images: vectors.length ? null : images,
    warnings: leftOut.map(({name, type}) => {
      const why = type.typeId === Type.Null ? "it holds only nulls, of no type" : `drift cannot bin ${type}`;
      return `column "${name}" left out of the features: ${why}`;
    })
  };
}

function isNumericType(_: string, type: DataType): boolean {
  return isNumeric(type);
}

function isInteger(type: DataType): boolean {
  return type.typeId === Type.Int;
}

// Labels are classes: text, booleans, whole numbers. A column of fractions is a score whatever its name.
function isLabel(type: DataType, column: Vector): boolean {
  if (isText(type) || type.typeId === Type.Bool || isInteger(type)) return true;
  return type.typeId === Type.Float && sample(column).every((v) => Number.isInteger(v));
}

// "image_vector" → "image_embedding", as Phoenix's examples name them; a name taken gets a number.
function embeddingName(column: string, taken: Record<string, unknown>): string {
  const base = `${column.replace(/_?(vectors?|embeddings?|emb)$/i, "") || column}_embedding`;
  let name = base;
  for (let i = 2; name in taken; ++i) name = `${base}_${i}`;
  return name;
}

function isVectorColumn(type: DataType, column: Vector): boolean {
  if (type.typeId === Type.List || type.typeId === Type.FixedSizeList) {
    const child = (type as unknown as {children: {type: DataType}[]}).children[0]?.type;
    return child?.typeId === Type.Float;
  }
  if (!isText(type)) return false;
  const values = sample(column);
  return values.length > 0 && values.every(isJsonVector);
}

function isJsonVector(value: unknown): boolean {
  if (typeof value !== "string" || !/^\s*\[\s*[-+\d.]/.test(value)) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.length >= 2 && parsed.every((x) => typeof x === "number");
  } catch {
    return false;
  }
}

function isDateText(type: DataType, column: Vector): boolean {
  const values = sample(column);
  return (
    isText(type) &&
    values.length > 0 &&
    values.every((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)))
  );
}

const IMAGE_LINK = /^(data:image\/|\S+\.(png|jpe?g|gif|webp|bmp)([?#]\S*)?$)/i;

// Image links (URLs, paths, data URLs) in text, or image bytes (PNG, JPEG, GIF, WebP) in a binary column.
function isImageColumn(type: DataType, column: Vector): boolean {
  const values = sample(column);
  if (values.length === 0) return false;
  if (isText(type)) return values.every((v) => typeof v === "string" && IMAGE_LINK.test(v.trim()));
  if (type.typeId !== Type.Binary && type.typeId !== Type.LargeBinary) return false;
  return values.every((v) => v instanceof Uint8Array && isImageBytes(v));
}

function isImageBytes(bytes: Uint8Array): boolean {
  const ascii = String.fromCharCode(...bytes.subarray(0, 12));
  return (
    ascii.startsWith("\x89PNG") ||
    (bytes[0] === 0xff && bytes[1] === 0xd8) ||
    ascii.startsWith("GIF8") ||
    (ascii.startsWith("RIFF") && ascii.slice(8, 12) === "WEBP")
  );
}

// Raw text is prose: several words a value on average, and mostly distinct values (a category is neither).
function longestText(
  candidates: readonly {name: string; type: DataType}[],
  vector: (name: string) => Vector
): string | null {
  let best: string | null = null;
  let bestWords = 0;
  for (const {name, type} of candidates) {
    if (!isText(type)) continue;
    const values = sample(vector(name)).filter((v): v is string => typeof v === "string");
    if (values.length === 0 || new Set(values).size < values.length / 2) continue;
    const words = values.reduce((sum, v) => sum + v.trim().split(/\s+/).length, 0) / values.length;
    if (words >= 4 && words > bestWords) [best, bestWords] = [name, words];
  }
  return best;
}

// The first non-null values of a column, at most SAMPLE of them.
function sample(column: Vector): unknown[] {
  const values: unknown[] = [];
  for (let i = 0; i < column.length && values.length < SAMPLE; ++i) {
    const value: unknown = column.get(i);
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}
