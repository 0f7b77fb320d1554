import type {Cell, CellMode} from "../notebook/types.ts";

/** The modes whose cells are data loaders: run ahead by an interpreter in Node, never in the page. */
export type LoaderMode = Extract<CellMode, "node" | "python">;

/** How a loader's output (its stdout) is read into the value other cells see. */
export type LoaderFormat =
  | "text"
  | "json"
  | "csv"
  | "tsv"
  | "xml"
  | "arrow"
  | "parquet"
  | "blob"
  | "buffer"
  | "jpeg"
  | "gif"
  | "webp"
  | "png"
  | "svg"
  | "html";

/** Each format and the extension its cached output is written with (a static host types it by this). */
export const loaderExtensions: Readonly<Record<LoaderFormat, string>> = {
  text: "txt",
  json: "json",
  csv: "csv",
  tsv: "tsv",
  xml: "xml",
  arrow: "arrow",
  parquet: "parquet",
  blob: "bin",
  buffer: "bin",
  jpeg: "jpeg",
  gif: "gif",
  webp: "webp",
  png: "png",
  svg: "svg",
  html: "html"
};

/** A data loader cell, resolved: what runs, how its output reads, and the file it is cached in. */
export interface LoaderSpec {
  readonly mode: LoaderMode;
  readonly format: LoaderFormat;
  readonly source: string;
  /** The cell's output name, or null when the cell has none. */
  readonly name: string | null;
  /** 1-based line of the notebook where the source starts, for errors. */
  readonly line: number;
  /**
   * `<hash>.<extension>`: the hash is of mode, format and source, so an edited cell gets a new file and an
   * unchanged one finds its snapshot. Hex and a fixed extension only: never a path.
   */
  readonly file: string;
}

/** Where a page finds loader outputs, relative to the notebook (the build publishes the cache there). */
export const LOADER_OUTPUT_DIR = "_loaders";

/**
 * The builtin through which a loader cell gets its value. Its name has a space, so no cell can name it; the
 * host provides it (the runner runs the interpreter, a page reads the published output).
 */
export const DATA_LOADER_BUILTIN = "data loader";

/** The data loader builtin: a loader cell's value, its output read in its format. */
export type DataLoader = (loader: LoaderSpec) => Promise<unknown>;

/** Whether a cell is a data loader. */
export function isLoaderMode(mode: CellMode): mode is LoaderMode {
  return mode === "node" || mode === "python";
}

/** Whether a cell is a data loader (its type, narrowed). */
export function isLoaderCell(cell: Cell): cell is Cell & {readonly mode: LoaderMode} {
  return isLoaderMode(cell.mode);
}

/** Default format, when a loader cell has no `format` attribute: its stdout as a string. */
const DEFAULT_FORMAT: LoaderFormat = "text";

/** A loader cell resolved; throws a SyntaxError naming the bad format. */
export function loaderSpec(cell: Cell & {readonly mode: LoaderMode}): LoaderSpec {
  const format = cell.format ?? DEFAULT_FORMAT;
  if (!Object.hasOwn(loaderExtensions, format)) {
    const expected = Object.keys(loaderExtensions).join(", ");
    throw new SyntaxError(`unknown format: "${format}" (expected ${expected})`);
  }
  const known = format as LoaderFormat;
  const hash = fnv1a64(`${cell.mode}\n${known}\n${cell.source}`);
  return {
    mode: cell.mode,
    format: known,
    source: cell.source,
    name: cell.output ?? null,
    line: cell.line,
    file: `${hash}.${loaderExtensions[known]}`
  };
}

// A synchronous hash, the same in Node and in the page (crypto.subtle is async, and absent from pages served
// over plain http). It names a snapshot, it guards nothing: 64 bits keep accidental collisions out of reach.
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  }
  return hash.toString(16).padStart(16, "0");
}
