import {fileURLToPath} from "node:url";
import type {Dataset} from "../../../src/cells/dataset/dataset.ts";
import {readTable} from "../../../src/cells/dataset/formats/index.ts";
import {load} from "../../../src/cells/dataset/load.ts";
import type {ExportFile} from "../../../src/cells/export/export-rows.ts";
import type {Projection} from "../../../src/cells/project/projection.ts";
import {summarize, type TableSummary} from "../dataset/formats/summarize.ts";
import {pointsOf} from "../../helpers/projection.ts";

export const FORMATS = ["parquet", "arrow", "csv", "jsonl"] as const;

/** Formats that keep Arrow types; the text formats give back what our readers infer from text. */
export const TYPED = new Set<string>(["parquet", "arrow"]);

const schema = {predictionId: "id", timestamp: "timestamp", embeddings: {embedding: {vector: "embedding"}}};

/** The sample fixture (6 rows, a 4-d embedding with a null vector) as a dataset, from any of its formats. */
export function sample(file = "sample.parquet", name = "production") {
  const path = fileURLToPath(new URL(`../../fixtures/datasets/${file}`, import.meta.url));
  return load(path, {name, schema});
}

/** notebooks/data/penguins.csv (344 rows) as a dataset: every column a feature. */
export function penguins(name = "production") {
  return load(fileURLToPath(new URL("../../../notebooks/data/penguins.csv", import.meta.url)), {name});
}

/** An export read back the way a user opens it: by its name (which gives the format), vectors listed. */
export async function readBack(file: ExportFile): Promise<TableSummary> {
  const {table} = await readTable(new File([file.bytes as Uint8Array<ArrayBuffer>], file.fileName), {
    vectorColumns: ["embedding"]
  });
  return summarize(table);
}

/** Some rows of a table summary, in the order given, with extra columns appended. */
export function pickRows(
  summary: TableSummary,
  rows: readonly number[],
  extra: {fields?: string[]; columns?: Record<string, unknown[]>} = {}
): TableSummary {
  const pick = <T>(values: readonly T[]) => rows.map((row) => values[row]!);
  return {
    fields: [...summary.fields, ...(extra.fields ?? [])],
    columns: {
      ...Object.fromEntries(Object.entries(summary.columns).map(([name, values]) => [name, pick(values)])),
      ...extra.columns
    },
    vectors: Object.fromEntries(Object.entries(summary.vectors).map(([name, values]) => [name, pick(values)]))
  };
}

/** Twelve points: primary rows 0–5, then reference rows 0–5, as `project` orders them. */
export function projectionOf(datasets: readonly Dataset[]): Projection {
  return pointsOf(datasets, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
}

// Cluster 1: primary 2, 4 and reference 3, 4; cluster 2: primary 5 and reference 0; −1: noise.
export const labels = Int32Array.from([0, 0, 1, -1, 1, 2, 2, 0, -1, 1, 1, 0]);
