import type {Table} from "apache-arrow";
import {checkOptions, type OptionKeys} from "../../options.ts";
import {DatasetError} from "../errors.ts";
import {readAll, resolveSource, type RandomAccess, type TableSource} from "../sources/index.ts";
import {readArrowIpc} from "./arrow-ipc.ts";
import {normalizeVectors} from "./arrow-vectors.ts";
import {readDelimited} from "./csv.ts";
import {decodeText} from "./decode-text.ts";
import {detectFormat, type TableFormat} from "./detect.ts";
import {gunzip, isGzip, withoutGz} from "./gzip.ts";
import {readJson, readJsonl} from "./json.ts";
import {readParquet} from "./parquet/index.ts";
import {tableFromRows} from "./rows.ts";

export type {TableFormat} from "./detect.ts";
export type {FileAttachmentLike, TableSource} from "../sources/index.ts";

/** How to read a table. */
export interface ReadTableOptions {
  /** The format. Default: from the extension, else from the first bytes (Parquet, Arrow IPC, JSON). */
  readonly format?: TableFormat;
  /**
   * Columns holding embedding vectors. In CSV/TSV/JSON(L) their cells are JSON arrays (or arrays) of numbers,
   * parsed into FixedSizeList<Float32> (List<Float32> if lengths differ). Lists of floats in Parquet and
   * Arrow become that shape whether listed or not. Default: none.
   */
  readonly vectorColumns?: readonly string[];
  /** Stops reading (between row groups and columns) when aborted. */
  readonly signal?: AbortSignal;
}

const READ_TABLE_OPTIONS: OptionKeys<ReadTableOptions> = {format: true, vectorColumns: true, signal: true};

/** A table as read, and the name to give its source in errors (path, URL, file name, "rows", "Arrow table"). */
export interface ReadTableResult {
  /** The table as read, vector columns as Arrow lists of Float32 (see `vectorColumns`). */
  readonly table: Table;
  /** The source's name in errors: the path, URL or file name, "Blob", "rows" or "Arrow table". */
  readonly source: string;
}

/**
 * Reads a table from a path (Node), URL, Blob/File, FileAttachment, Arrow table or row objects, in Parquet,
 * Arrow IPC (file or stream), CSV, TSV, JSON or JSONL, any of them gzipped (`data.csv.gz`). Text is UTF-8
 * (with or without a byte-order mark) or UTF-16 LE/BE with one; other bytes (Latin-1, Windows-1252) are a
 * DatasetError naming the offset and line of the first, never a guess. Bad data throws a DatasetError naming
 * the source.
 *
 * @param source - A path (Node), a URL, a Blob or File, a FileAttachment, an Arrow table or row objects.
 * @param options - The format, the vector columns and an abort signal.
 */
export async function readTable(
  source: TableSource,
  options: ReadTableOptions = {}
): Promise<ReadTableResult> {
  checkOptions("px.readTable", options, READ_TABLE_OPTIONS);
  const {signal, vectorColumns = []} = options;
  signal?.throwIfAborted();
  const resolved = await resolveSource(source, signal);
  const name = resolved.name;
  if (resolved.kind === "table")
    return {table: normalizeVectors(resolved.table, name, vectorColumns), source: name};
  if (resolved.kind === "rows")
    return {table: tableFromRows(resolved.rows, name, vectorColumns), source: name};
  let file = resolved.access;
  try {
    if (file.size === 0) throw new DatasetError(name, [{message: "empty file"}]);
    let head = await file.read(0, 64);
    if (isGzip(head)) {
      const packed = file;
      file = await gunzip(packed, name);
      await packed.close();
      if (file.size === 0) throw new DatasetError(name, [{message: "empty file"}]);
      head = await file.read(0, 64);
    }
    const format = detectFormat(withoutGz(name), head, options.format);
    const table = await readFormat(format, file, name, vectorColumns, signal);
    return {table, source: name};
  } finally {
    await file.close();
  }
}

async function readFormat(
  format: TableFormat,
  file: RandomAccess,
  name: string,
  vectorColumns: readonly string[],
  signal?: AbortSignal
): Promise<Table> {
  if (format === "parquet")
    return normalizeVectors(await readParquet(file, name, signal), name, vectorColumns);
  const bytes = await readAll(file);
  signal?.throwIfAborted();
  if (format === "arrow") return normalizeVectors(readArrowIpc(bytes, name), name, vectorColumns);
  const text = decodeText(bytes, name);
  if (text.trim() === "") throw new DatasetError(name, [{message: "empty file"}]);
  switch (format) {
    case "csv":
      return readDelimited(text, ",", name, vectorColumns);
    case "tsv":
      return readDelimited(text, "\t", name, vectorColumns);
    case "json":
      return readJson(text, name, vectorColumns);
    case "jsonl":
      return readJsonl(text, name, vectorColumns);
  }
}
