import {readFile} from "node:fs/promises";
import type {Table} from "apache-arrow";
import {
  embeddingDrift,
  inferSchema,
  load,
  readTable,
  type Dataset,
  type PhoenixSchemaJson,
  type SchemaInference
} from "../../index.ts";
import {UsageError} from "../usage-error.ts";
import {modelMetrics} from "./model-metrics.ts";
import type {EmbedStep, NotebookPlan, OneSidedFeatures} from "./plan.ts";
import {referenceSchema, withOwn} from "./reference-schema.ts";

/** A data file as `new` was given it: where to read it, and how the notebook reaches it. */
export interface DataFile {
  /** The path to read now. */
  readonly path: string;
  /** The path from the notebook's folder, with `/` separators: the FileAttachment's name. */
  readonly relative: string;
}

/** The schema file given with --schema; `relative` is null when it lies outside the notebook's folder. */
export interface SchemaFile {
  readonly path: string;
  readonly relative: string | null;
}

/** What `new` was asked for. */
export interface InspectInput {
  readonly title: string;
  readonly primary: DataFile;
  readonly reference: DataFile | null;
  /** Phoenix's schema.json, given with --schema; null to infer the schema from the primary data. */
  readonly schema: SchemaFile | null;
}

/** The plan, and the schema that was inferred (null when one was given), to print. */
export interface Inspection {
  readonly plan: NotebookPlan;
  readonly inferred: PhoenixSchemaJson | null;
  /** What the inference left out of the features, and why (px.inferSchema's warnings); empty when given. */
  readonly leftOut: readonly string[];
}

/**
 * Reads the data as the notebook will: infers the schema (or reads the one given), loads both datasets with it
 * (bad data throws px.load's DatasetError, before anything is written) and decides the notebook's cells.
 */
export async function inspectData(input: InspectInput): Promise<Inspection> {
  const given = input.schema ? await readSchema(input.schema.path) : null;
  const primaryTable = (await readTable(input.primary.path)).table;
  const inference = inferSchema(primaryTable);
  const referenceTable = input.reference && !given ? (await readTable(input.reference.path)).table : null;
  const shared = referenceTable ? sharedFeatures(inference.schema, primaryTable, referenceTable) : null;
  const schema = given ?? shared?.schema ?? inference.schema;
  const own = shared && referenceTable ? referenceSchema(shared.schema, referenceTable) : null;
  const primary = await load(input.primary.path, {schema, name: "primary"});
  const reference = input.reference
    ? await load(input.reference.path, {schema: own ? withOwn(schema, own) : schema, name: "reference"})
    : null;
  const vectors = chooseEmbedding(primary, reference);
  const vectorsMissing = vectors && reference && !reference.schema.embeddings[vectors];
  // The same DatasetError the notebook's drift cell would give (embedding dimensions that differ), but now.
  if (vectors && reference && !vectorsMissing) embeddingDrift(primary, reference, {embedding: vectors});
  const embed = vectors ? null : embedStep(primary, inference);
  const embedding = vectors ?? (embed ? embeddingName(embed) : null);
  const embeddingMissing = vectorsMissing
    ? primary.schema.embeddings[vectors]!.vector
    : embed?.column && reference && !reference.table.getChild(embed.column)
      ? embed.column
      : null;
  const plan: NotebookPlan = {
    title: input.title,
    primary: input.primary.relative,
    reference: input.reference?.relative ?? null,
    // A schema file outside the notebook's folder is written into the notebook, which cannot reach it.
    schema: input.schema?.relative ? {file: input.schema.relative} : {inline: schema},
    oneSided: shared?.oneSided ?? null,
    referenceSchema: own,
    embedding,
    embeddingMissing,
    embed,
    hoverText: vectors ? (primary.schema.embeddings[vectors]?.rawData ?? null) : textColumn(embed),
    timestamps: primary.schema.timestamp !== null,
    ...modelMetrics(primary, reference)
  };
  return {plan, inferred: given ? null : schema, leftOut: given ? [] : inference.warnings};
}

/**
 * The primary's inferred schema with the features both files have: one schema loads both, and a feature that
 * one file lacks would fail its load ("declared as a feature but not in the file"). Phoenix allows a reference
 * with other features and measures drift on the shared ones. With none shared, the one-sided features are
 * excluded instead, so that neither file infers them back (an empty feature list means "every column").
 */
function sharedFeatures(
  inferred: Required<PhoenixSchemaJson>,
  primary: Table,
  reference: Table
): {schema: Required<PhoenixSchemaJson>; oneSided: OneSidedFeatures | null} {
  const has = (table: Table) => (column: string) => table.getChild(column) !== null;
  const features = inferred.feature_column_names ?? [];
  const oneSided = {
    primary: features.filter((f) => !has(reference)(f)),
    reference: (inferSchema(reference).schema.feature_column_names ?? []).filter((f) => !has(primary)(f))
  };
  if (!oneSided.primary.length && !oneSided.reference.length) return {schema: inferred, oneSided: null};
  const kept = features.filter(has(reference));
  const excluded = kept.length
    ? {}
    : {
        excluded_column_names: [
          ...(inferred.excluded_column_names ?? []),
          ...oneSided.primary,
          ...oneSided.reference
        ]
      };
  return {schema: {...inferred, feature_column_names: kept, ...excluded}, oneSided};
}

async function readSchema(path: string): Promise<PhoenixSchemaJson> {
  const text = await readFile(path, "utf8").catch((error: Error) => {
    throw new UsageError(`--schema: cannot read ${path}: ${error.message}`);
  });
  try {
    const schema: unknown = JSON.parse(text);
    if (schema === null || typeof schema !== "object" || Array.isArray(schema))
      throw new Error("not an object");
    return schema as PhoenixSchemaJson;
  } catch (error) {
    throw new UsageError(`--schema: ${path} is not Phoenix's schema.json: ${(error as Error).message}`);
  }
}

// Without vectors: the raw text, else the images, else the features, as Phoenix's users embed them.
function embedStep(primary: Dataset, inference: SchemaInference): EmbedStep | null {
  const free = (column: string | null) => column !== null && !usedBySchema(primary, column);
  if (free(inference.text)) return {method: "words", column: inference.text};
  if (free(inference.images)) {
    const links = primary.table.getChild(inference.images!)?.toArray() as unknown[] | undefined;
    const remote =
      links?.some((value) => typeof value === "string" && /^\s*https?:\/\//i.test(value)) ?? false;
    return {method: "pixels", column: inference.images, ...(remote ? {remoteImages: true} : {})};
  }
  return primary.schema.features.length ? {method: "tabular", column: null} : null;
}

function usedBySchema({schema}: Dataset, column: string): boolean {
  const single = [schema.predictionId, schema.timestamp, schema.predictionLabel, schema.predictionScore];
  return [...single, schema.actualLabel, schema.actualScore].includes(column);
}

// px.embed's default names: `${column}_embedding`, else "tabular_embedding".
function embeddingName({method, column}: EmbedStep): string {
  return column === null ? `${method}_embedding` : `${column}_embedding`;
}

function textColumn(embed: EmbedStep | null): string | null {
  return embed?.method === "words" ? embed.column : null;
}

// The first embedding the reference has too (the notebook compares the two), else the primary's first.
function chooseEmbedding(primary: Dataset, reference: Dataset | null): string | null {
  const names = Object.keys(primary.schema.embeddings);
  return names.find((name) => !reference || reference.schema.embeddings[name]) ?? names[0] ?? null;
}
