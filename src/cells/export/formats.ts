import type {Table} from "apache-arrow";
import {writeArrow} from "./writers/arrow.ts";
import {writeCsv} from "./writers/csv.ts";
import {writeJsonl} from "./writers/jsonl.ts";

/** The file formats of an export. */
export type ExportFormat = "parquet" | "arrow" | "csv" | "jsonl";

interface FormatSpec {
  readonly extension: string;
  readonly mimeType: string;
  write(table: Table): Uint8Array | Promise<Uint8Array>;
}

export const FORMATS: Readonly<Record<ExportFormat, FormatSpec>> = {
  parquet: {
    extension: "parquet",
    mimeType: "application/vnd.apache.parquet",
    // Dynamically imported: the WebAssembly writer loads only when a Parquet export is asked for.
    write: async (table) => (await import("./writers/parquet.ts")).writeParquet(table)
  },
  arrow: {extension: "arrow", mimeType: "application/vnd.apache.arrow.file", write: writeArrow},
  csv: {extension: "csv", mimeType: "text/csv", write: writeCsv},
  jsonl: {extension: "jsonl", mimeType: "application/jsonl", write: writeJsonl}
};

/** The format asked for, or an error naming the formats there are. */
export function exportFormat(format: unknown): ExportFormat {
  if (typeof format === "string" && Object.hasOwn(FORMATS, format)) return format as ExportFormat;
  throw new RangeError(
    `exportRows: unknown format: ${JSON.stringify(format)} (expected parquet, arrow, csv or jsonl)`
  );
}

/** Phoenix's export name: the local date and time, `YYYY-MM-DD_HH-MM-SS.<extension>`. */
export function defaultFileName(format: ExportFormat, date: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const time = `${two(date.getHours())}-${two(date.getMinutes())}-${two(date.getSeconds())}`;
  return `${day}_${time}.${FORMATS[format].extension}`;
}
