import type {ColorByName, PointCloudData, PointColumn} from "./types.ts";

/** The schema field each label-like colorBy reads. */
const LABEL_FIELDS = {predictionLabel: "predictionLabel", actualLabel: "actualLabel"} as const;

/** The column of each dataset that `name` names (null where a dataset lacks it). */
export function datasetColumns(data: PointCloudData, name: string): (PointColumn | null)[] {
  return data.datasets.map((d) => d.table?.getChild(name) ?? null);
}

/** The columns of each dataset that hold its prediction or actual labels (null where it has none). */
export function labelColumns(data: PointCloudData, kind: keyof typeof LABEL_FIELDS): (PointColumn | null)[] {
  return data.datasets.map((d) => {
    const name = d.schema?.[LABEL_FIELDS[kind]];
    return name ? (d.table?.getChild(name) ?? null) : null;
  });
}

/** Per point, its row's value in its dataset's column; null where the dataset lacks the column or the cell is null. */
export function pointValues(data: PointCloudData, columns: readonly (PointColumn | null)[]): unknown[] {
  const values = new Array<unknown>(data.row.length);
  for (let i = 0; i < values.length; ++i) {
    const value = columns[data.dataset[i]!]?.get(data.row[i]!);
    values[i] = value === undefined ? null : value;
  }
  return values;
}

/** The columns `{column}` may name: the features, tags, labels and scores of the datasets' schemas. */
export function columnChoices(data: PointCloudData): string[] {
  const names = new Set<string>();
  for (const {schema} of data.datasets) {
    if (!schema) continue;
    const {features, tags, predictionLabel, predictionScore, actualLabel, actualScore} = schema;
    for (const name of [...features, ...tags, predictionLabel, predictionScore, actualLabel, actualScore])
      if (name) names.add(name);
  }
  return [...names];
}

/** The named colorBy values, in the order an error lists them. */
export const COLOR_BY_NAMES: readonly ColorByName[] = [
  "dataset",
  "cluster",
  "correctness",
  "predictionLabel",
  "actualLabel"
];
