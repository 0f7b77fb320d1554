import {cellText} from "./cell-text.ts";
import type {TableRows} from "./rows.ts";
import type {PixelsOption, SelectionTableData, TableDataset} from "./types.ts";

/** How a column's cells render: short text, a number, long raw text (clamped, expandable) or an image. */
export type ColumnKind = "text" | "number" | "raw" | "image";

/** One column of the table: its header and the value of each listed row (by its index in TableRows). */
export interface TableColumn {
  /** Unique among the columns; the sort key. */
  readonly key: string;
  /** The header text. */
  readonly label: string;
  readonly kind: ColumnKind;
  /** The cell's value for listed row `i`, as read (an image column's: its source value). */
  value(i: number): unknown;
}

/** What picks the columns, from the options of phx.selectionTable. */
export interface ColumnChoice {
  /** Cluster labels per point, for a cluster column. */
  readonly clusters?: {readonly labels: Int32Array} | undefined;
  /** Extra columns by name. */
  readonly columns?: readonly string[] | undefined;
  /** The embedding whose raw data and link show. */
  readonly embedding?: string | undefined;
  /** Images drawn from grey levels. */
  readonly pixels?: PixelsOption | undefined;
}

// A column of each dataset's table by name (null where a dataset lacks it), read at a listed row.
function reader(
  data: SelectionTableData,
  rows: TableRows,
  name: (d: TableDataset) => string | null | undefined
) {
  const vectors = data.datasets.map((d) => {
    const column = name(d);
    return column ? d.table.getChild(column) : null;
  });
  // Arrow reads timestamps and dates as epoch ms: a Date shows (and sorts) as a time, not a 13-digit number.
  const times = vectors.map((v) => v !== null && v !== undefined && TIMES.includes(v.type.typeId));
  return (i: number): unknown => {
    const value: unknown = vectors[rows.dataset[i]!]?.get(rows.row[i]!) ?? null;
    return times[rows.dataset[i]!] && typeof value === "number" ? new Date(value) : value;
  };
}

// Arrow's Type.Date and Type.Timestamp, as numbers (see BINARY below).
const TIMES = [8, 10];

/** The embedding the table shows: the one asked for, the projection's, or the schema's first. */
export function embeddingOf(data: SelectionTableData, asked: string | undefined): string | undefined {
  return asked ?? data.embedding ?? Object.keys(data.datasets[0]?.schema.embeddings ?? {})[0];
}

/** The columns, in order: distance, dataset, cluster, labels, raw data (prompt and response), image, extras. */
export function tableColumns(data: SelectionTableData, rows: TableRows, choice: ColumnChoice): TableColumn[] {
  const columns: TableColumn[] = [];
  const schemas = data.datasets.map((d) => d.schema);
  const any = (pick: (d: TableDataset) => unknown) => data.datasets.some((d) => pick(d));
  const {distance} = rows;
  if (distance) columns.push({key: "distance", label: "distance", kind: "number", value: (i) => distance[i]});
  columns.push({
    key: "dataset",
    label: "dataset",
    kind: "text",
    value: (i) => data.datasets[rows.dataset[i]!]?.name ?? null
  });
  const labels = choice.clusters?.labels;
  if (labels)
    columns.push({
      key: "cluster",
      label: "cluster",
      kind: "number",
      value: (i) => (rows.point[i]! < 0 ? null : labels[rows.point[i]!])
    });
  if (any((d) => d.schema.predictionLabel))
    columns.push({
      key: "prediction",
      label: "prediction",
      kind: "text",
      value: reader(data, rows, (d) => d.schema.predictionLabel)
    });
  if (any((d) => d.schema.actualLabel))
    columns.push({
      key: "actual",
      label: "actual",
      kind: "text",
      value: reader(data, rows, (d) => d.schema.actualLabel)
    });
  const llm = schemas.some((s) => s.embeddings.prompt?.rawData && s.embeddings.response?.rawData);
  const embedding = embeddingOf(data, choice.embedding);
  const rawNames = llm ? ["prompt", "response"] : embedding ? [embedding] : [];
  for (const name of rawNames) {
    const raw = reader(data, rows, (d) => d.schema.embeddings[name]?.rawData);
    // Bytes are an image, shown in the image column; text is raw data.
    const text = (i: number) => {
      const value = raw(i);
      return value instanceof Uint8Array ? null : value;
    };
    if (any((d) => d.schema.embeddings[name]?.rawData))
      columns.push({key: `raw:${name}`, label: llm ? name : "raw data", kind: "raw", value: text});
  }
  const image = imageReader(data, rows, embedding, choice.pixels);
  if (image) columns.push({key: "image", label: "image", kind: "image", value: image});
  for (const name of choice.columns ?? [])
    columns.push({key: `column:${name}`, label: name, kind: "text", value: reader(data, rows, () => name)});
  return columns;
}

// The image of a row: grey levels when asked, else the embedding's link, else its raw data when bytes.
function imageReader(
  data: SelectionTableData,
  rows: TableRows,
  embedding: string | undefined,
  pixels: PixelsOption | undefined
): ((i: number) => unknown) | null {
  if (pixels) {
    const column = (d: TableDataset) => d.schema.embeddings[pixels.column]?.vector ?? pixels.column;
    const read = reader(data, rows, column);
    return (i) => ({pixels: read(i), width: pixels.width});
  }
  if (!embedding) return null;
  if (data.datasets.some((d) => d.schema.embeddings[embedding]?.linkToData))
    return reader(data, rows, (d) => d.schema.embeddings[embedding]?.linkToData);
  const bytes = data.datasets.some((d) => {
    const raw = d.schema.embeddings[embedding]?.rawData;
    return raw !== undefined && BINARY.includes(d.table.getChild(raw)?.type.typeId ?? -1);
  });
  return bytes ? reader(data, rows, (d) => d.schema.embeddings[embedding]?.rawData) : null;
}

// Arrow's Type.Binary and LargeBinary, as numbers: importing apache-arrow's enum would pull the library in.
const BINARY = [4, 19];

/** Rows read to size a text column: enough for its usual values, few enough that 100,000 rows cost no scan. */
const SIZED_ROWS = 2000;

/**
 * How many characters a text column's header and values need: the longest among the header and the first
 * rows' values (a longer value further down is cut with an ellipsis, its full text in the cell's title).
 */
export function textChars(column: TableColumn, rowCount: number): number {
  let chars = column.label.length;
  for (let i = 0; i < Math.min(rowCount, SIZED_ROWS); ++i)
    chars = Math.max(chars, cellText(column.value(i)).length);
  return chars;
}
