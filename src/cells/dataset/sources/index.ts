import {Table} from "apache-arrow";
import {describeValue} from "../check-dataset.ts";
import {DatasetError} from "../errors.ts";
import {blobAccess, memoryAccess, type RandomAccess} from "./random-access.ts";
import {locationKind} from "../../location.ts";

export {readAll, memoryAccess, type RandomAccess} from "./random-access.ts";

/** An Observable `FileAttachment`, or anything shaped like one. */
export interface FileAttachmentLike {
  /** The file name: its extension tells the format (unless `format` is given), and errors name it. */
  readonly name: string;
  /** The file's bytes: what is read. */
  arrayBuffer(): Promise<ArrayBuffer>;
  /** Not used: the bytes come from `arrayBuffer()`. */
  stream?(): ReadableStream<Uint8Array>;
  /** Not used: the bytes come from `arrayBuffer()`. */
  url?(): Promise<string> | string;
}

/**
 * Where a table comes from: a file path (Node) or an http(s)/relative URL, a URL, a Blob or File, a
 * FileAttachment, an Arrow table, or row objects.
 */
export type TableSource =
  string | URL | Blob | FileAttachmentLike | Table | readonly Record<string, unknown>[];

/** A source made concrete: bytes to read (with a name for errors and format detection), a table, or rows. */
export type ResolvedSource =
  | {readonly kind: "bytes"; readonly name: string; readonly access: RandomAccess}
  | {readonly kind: "table"; readonly name: string; readonly table: Table}
  | {readonly kind: "rows"; readonly name: string; readonly rows: readonly unknown[]};

const isNode = typeof process === "object" && typeof process.versions?.node === "string";

export async function resolveSource(source: TableSource, signal?: AbortSignal): Promise<ResolvedSource> {
  if (isTable(source)) return {kind: "table", name: "Arrow table", table: source};
  if (Array.isArray(source)) return {kind: "rows", name: "rows", rows: source};
  if (typeof Blob === "function" && source instanceof Blob) {
    const name = "name" in source && typeof source.name === "string" ? source.name : "Blob";
    return {kind: "bytes", name, access: blobAccess(source)};
  }
  if (typeof source === "string" || source instanceof URL) {
    const name = String(source);
    return {kind: "bytes", name, access: await locationAccess(source, name, signal)};
  }
  if (isAttachment(source)) {
    const name = source.name;
    return {kind: "bytes", name, access: memoryAccess(new Uint8Array(await source.arrayBuffer()))};
  }
  throw new DatasetError(describeValue(source), [
    {message: "unknown source (expected a path, URL, Blob, FileAttachment, Arrow table or array of rows)"}
  ]);
}

// Paths and file: URLs open a file handle in Node; everything else (and everything in a browser) is fetched.
async function locationAccess(
  location: string | URL,
  name: string,
  signal?: AbortSignal
): Promise<RandomAccess> {
  let kind;
  try {
    kind = locationKind(location);
  } catch (error) {
    throw new DatasetError(name, [{message: errorMessage(error)}], {cause: error});
  }
  if (isNode && kind === "file") {
    const {fileAccess} = await import("./node-file.ts");
    return fileAccess(location, name);
  }
  const response = await fetch(location, {signal}).catch((error: unknown) => {
    throw new DatasetError(name, [{message: `could not fetch: ${errorMessage(error)}`}], {cause: error});
  });
  if (!response.ok)
    throw new DatasetError(name, [{message: `HTTP ${response.status} ${response.statusText}`}]);
  return memoryAccess(new Uint8Array(await response.arrayBuffer()));
}

function isTable(source: unknown): source is Table {
  // instanceof fails when two copies of apache-arrow are loaded; the shape is what matters.
  if (source instanceof Table) return true;
  const table = source as Partial<Table> | null;
  return (
    typeof table === "object" && table !== null && Array.isArray(table.batches) && table.schema !== undefined
  );
}

function isAttachment(source: unknown): source is FileAttachmentLike {
  const attachment = source as Partial<FileAttachmentLike> | null;
  return typeof attachment?.arrayBuffer === "function" && typeof attachment.name === "string";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
