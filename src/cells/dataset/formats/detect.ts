import {DatasetError} from "../errors.ts";
import {encodingOf} from "./decode-text.ts";

/** The table formats readTable understands. */
export type TableFormat = "parquet" | "arrow" | "csv" | "tsv" | "json" | "jsonl";

const byExtension: Readonly<Record<string, TableFormat>> = {
  parquet: "parquet",
  arrow: "arrow",
  feather: "arrow",
  ipc: "arrow",
  arrows: "arrow",
  csv: "csv",
  tsv: "tsv",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl"
};

const expected = "expected .parquet, .arrow, .feather, .ipc, .arrows, .csv, .tsv, .json, .jsonl or .ndjson";

/** The extension of a path or URL (query and fragment ignored), lower-cased, without the dot; "" if none. */
export function extensionOf(name: string): string {
  const path = name.replace(/[?#].*$/, "");
  const match = /\.([a-z0-9]+)$/i.exec(path.slice(path.lastIndexOf("/") + 1));
  return match ? match[1]!.toLowerCase() : "";
}

/**
 * The format: the one asked for, else the name's extension, else what the first bytes say (Parquet's and
 * Arrow's magic numbers, a JSON array or object). Throws a DatasetError naming what was expected.
 */
export function detectFormat(name: string, head: Uint8Array, format?: TableFormat): TableFormat {
  if (format !== undefined) {
    if (Object.values(byExtension).includes(format)) return format;
    throw new DatasetError(name, [
      {message: `unknown format "${String(format)}" (expected parquet, arrow, csv, tsv, json or jsonl)`}
    ]);
  }
  const extension = extensionOf(name);
  const known = byExtension[extension];
  if (known) return known;
  const sniffed = sniffFormat(head);
  if (sniffed) return sniffed;
  const what = extension ? `unknown extension ".${extension}"` : "unknown format";
  throw new DatasetError(name, [{message: `${what} (${expected}, or pass a format)`}]);
}

/**
 * Parquet ("PAR1"), Arrow IPC file ("ARROW1") or stream (0xFFFFFFFF continuation), or JSON by its first char
 * (past a UTF-8 or UTF-16 byte-order mark).
 */
export function sniffFormat(head: Uint8Array): TableFormat | undefined {
  const text = String.fromCharCode(...head.subarray(0, 6));
  if (text.startsWith("PAR1")) return "parquet";
  if (text === "ARROW1") return "arrow";
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff)
    return "arrow";
  // trimStart drops whitespace and a decoded byte-order mark (U+FEFF) alike.
  const first = new TextDecoder(encodingOf(head)).decode(head.subarray(0, 64)).trimStart()[0];
  if (first === "[") return "json";
  if (first === "{") return "jsonl";
  return undefined;
}
