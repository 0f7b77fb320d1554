import {checkDataset} from "../dataset/check-dataset.ts";
import type {Dataset} from "../dataset/dataset.ts";
import {checkOptions, type OptionKeys} from "../options.ts";
import {exportTable} from "./export-table.ts";
import {exportFileName} from "./file-name.ts";
import {exportFormat, FORMATS, type ExportFormat} from "./formats.ts";
import {resolveSelection, type ExportSelection} from "./selection.ts";

/** Options of `exportRows`. */
export interface ExportOptions {
  /** The file format. Required. */
  readonly format: ExportFormat;
  /** The file's name: no separator or `..`; the format's extension, added when it has none. Default: Phoenix's local-time `YYYY-MM-DD_HH-MM-SS.<ext>`. */
  readonly fileName?: string;
}

const EXPORT_OPTIONS: OptionKeys<ExportOptions> = {format: true, fileName: true};

/** An export, in memory: saving it (`saveExport` in Node) or downloading it is the caller's part. */
export interface ExportFile {
  /** The name to save or download it under (no directory). */
  readonly fileName: string;
  /** The format's media type, for a download's Blob: `application/vnd.apache.parquet`, `text/csv`, … */
  readonly mimeType: string;
  /** The file's content. */
  readonly bytes: Uint8Array;
  /** Rows exported. */
  readonly rows: number;
  /** The format written. */
  readonly format: ExportFormat;
}

/**
 * Phoenix's export of selected rows or clusters as one file: the original columns in their original order
 * (no ids or timestamps added; with a reference, the union of both datasets' columns, nulls where one lacks a
 * column), rows deduplicated and in row order, primary rows first; a column `__phoenix_dataset_name__` when
 * both datasets contribute rows and `__phoenix_cluster_id__` (Int32) for cluster exports.
 *
 * @param datasets - [primary] or [primary, reference]: the datasets the rows belong to.
 * @param selection - Rows by index per dataset, or whole clusters of a projection.
 * @param options - The format and the file's name.
 */
export async function exportRows(
  datasets: readonly Dataset[],
  selection: ExportSelection,
  options: ExportOptions
): Promise<ExportFile> {
  checkOptions("px.exportRows", options, EXPORT_OPTIONS);
  const format = exportFormat(options.format);
  if (!Array.isArray(datasets))
    throw new TypeError("exportRows: datasets must be [primary] or [primary, reference]");
  if (datasets.length < 1 || datasets.length > 2)
    throw new RangeError(
      `exportRows: expected [primary] or [primary, reference], not ${datasets.length} datasets`
    );
  datasets.forEach((dataset, d) => checkDataset("exportRows", d ? "the reference" : "the primary", dataset));
  const fileName = exportFileName(options.fileName, format); // before the work: a bad name fails fast
  const table = exportTable(datasets, resolveSelection(datasets, selection));
  const {mimeType, write} = FORMATS[format];
  return {fileName, mimeType, bytes: await write(table), rows: table.numRows, format};
}
