// Each library is imported by the method that uses it: a notebook that reads no CSV loads no d3, one that opens
// no spreadsheet no exceljs.
import type {Table} from "apache-arrow";
import type {DSVParsedArray, DSVRowArray} from "d3-dsv";
import {sourceBody, type FileBody} from "./file-body.ts";
import {dataUrl} from "./files.ts";
import {FileAttachmentError, type FileSource} from "./file-source.ts";
import {guessMimeType} from "./mime-type.ts";
import type {SQLiteDatabaseClient} from "./sqlite.ts";
import type {Workbook} from "./xlsx.ts";
import type {ZipArchive} from "./zip.ts";

/** Options of FileAttachment's dsv(), csv() and tsv(). */
export interface DsvOptions {
  /** The one character between fields (dsv() only; csv() uses ",", tsv() a tab). Default: ",". */
  delimiter?: string;
  /** Rows as arrays of fields, the first row included, rather than objects keyed by the first. Default: false. */
  array?: boolean;
  /** Infer numbers, booleans, dates and nulls from the text with d3.autoType. Default: false (strings). */
  typed?: boolean;
}

/** A row of a typed CSV or TSV: d3.autoType's numbers, booleans, Dates, nulls and strings. */
export type TypedRow = Record<string, unknown>;

/** Options of createFileAttachment. */
export interface FileAttachmentOptions {
  /** Installs a DOM where there is none (Node), awaited before xml(), html() or image(). Default: none. */
  dom?: () => Promise<unknown>;
}

/** A file that a notebook reads with `FileAttachment(name)`; each method reads the file anew. */
export interface FileAttachment {
  /** The name the notebook gave, e.g. "data/production.parquet" (in a zip, the entry's path). */
  readonly name: string;
  /** The file's type, guessed from its extension; "application/octet-stream" when unknown. */
  readonly mimeType: string;
  /** The file's absolute URL (a file: URL in Node; for a zip entry, the archive's and `#` the path). */
  readonly href: string;
  /** A URL the page can load the file from (a zip entry's is a blob: URL). */
  url(): Promise<string>;
  /** The contents decoded as text; UTF-8 unless `encoding` names another TextDecoder label. */
  text(encoding?: string): Promise<string>;
  json(): Promise<unknown>;
  dsv(options?: DsvOptions & {array?: false; typed?: false}): Promise<DSVRowArray>;
  dsv(options: DsvOptions & {array?: false; typed: true}): Promise<DSVParsedArray<TypedRow>>;
  dsv(options: DsvOptions & {array: true}): Promise<unknown[][]>;
  csv(options?: DsvOptions & {array?: false; typed?: false}): Promise<DSVRowArray>;
  csv(options: DsvOptions & {array?: false; typed: true}): Promise<DSVParsedArray<TypedRow>>;
  csv(options: DsvOptions & {array: true}): Promise<unknown[][]>;
  tsv(options?: DsvOptions & {array?: false; typed?: false}): Promise<DSVRowArray>;
  tsv(options: DsvOptions & {array?: false; typed: true}): Promise<DSVParsedArray<TypedRow>>;
  tsv(options: DsvOptions & {array: true}): Promise<unknown[][]>;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
  stream(): Promise<ReadableStream<Uint8Array>>;
  /** An Arrow IPC file or stream, as an Arrow table. */
  arrow(): Promise<Table>;
  /** A Parquet file, as an Arrow table (see parquetToArrow for the column types). */
  parquet(): Promise<Table>;
  /** The file parsed by DOMParser as `mimeType` (default "application/xml"); malformed XML is an error. */
  xml(mimeType?: DOMParserSupportedType): Promise<Document>;
  /** The file parsed as an HTML document (its scripts never run). */
  html(): Promise<Document>;
  /**
   * An <img> of the file with `properties` assigned: loaded, in a page; in Node, with the bytes as a data: URL
   * (no browser loads it there).
   */
  image(properties?: Partial<HTMLImageElement>): Promise<HTMLImageElement>;
  /** An Excel .xlsx workbook, as Observable's Workbook: `sheetNames`, `sheet(name | index, {range, headers})`. */
  xlsx(): Promise<Workbook>;
  /** A zip archive, as Observable's ZipArchive: `filenames`, `file(path)` (an attachment of the entry). */
  zip(): Promise<ZipArchive>;
  /** A SQLite database, as Observable's SQLiteDatabaseClient: `query`, `queryRow`, `sql`, `describeTables`. */
  sqlite(): Promise<SQLiteDatabaseClient>;
}

/** The `FileAttachment` builtin: an attachment for a name. */
export type FileAttachmentFactory = (name: string) => FileAttachment;

/**
 * Creates the `FileAttachment` builtin of a notebook, given how its names resolve: to URLs in the
 * browser (see notebookUrlResolver), to paths in Node (see notebookFileResolver in file-node.ts).
 */
export function createFileAttachment(
  resolve: (name: string) => FileSource,
  options: FileAttachmentOptions = {}
): FileAttachmentFactory {
  return (name) => new Attachment(String(name), sourceBody(resolve(String(name)), String(name)), options);
}

/** A file of a notebook or of an archive, read through its body. */
class Attachment implements FileAttachment {
  readonly name: string;
  readonly mimeType: string;
  readonly href: string;
  readonly #body: FileBody;
  readonly #options: FileAttachmentOptions;

  constructor(name: string, body: FileBody, options: FileAttachmentOptions) {
    this.name = name;
    this.mimeType = guessMimeType(name);
    this.href = body.href;
    this.#body = body;
    this.#options = options;
  }

  url(): Promise<string> {
    return this.#body.url();
  }

  async text(encoding?: string): Promise<string> {
    if (encoding === undefined) return (await this.#body.open()).text();
    return new TextDecoder(encoding).decode(await this.arrayBuffer());
  }

  async json(): Promise<unknown> {
    const text = await this.text();
    return this.#parse("JSON", () => JSON.parse(text));
  }

  dsv(options?: DsvOptions & {array?: false; typed?: false}): Promise<DSVRowArray>;
  dsv(options: DsvOptions & {array?: false; typed: true}): Promise<DSVParsedArray<TypedRow>>;
  dsv(options: DsvOptions & {array: true}): Promise<unknown[][]>;
  async dsv(options: DsvOptions = {}): Promise<DSVRowArray | DSVParsedArray<TypedRow> | unknown[][]> {
    const {delimiter = ",", array = false, typed = false} = options;
    if (typeof delimiter !== "string" || delimiter.length !== 1)
      throw this.#error(
        `invalid delimiter for "${this.name}": ${JSON.stringify(delimiter)} (expected one character)`
      );
    // d3's own DSV package (d3 bundles it): `import("d3")` would load all of d3 to parse one CSV.
    const [text, {autoType, dsvFormat}] = await Promise.all([this.text(), import("d3-dsv")]);
    const format = dsvFormat(delimiter);
    if (array)
      return typed
        ? format.parseRows(text, (row) => autoType<unknown[], string>(row))
        : format.parseRows(text);
    return typed ? (format.parse(text, autoType) as DSVParsedArray<TypedRow>) : format.parse(text);
  }

  csv(options?: DsvOptions & {array?: false; typed?: false}): Promise<DSVRowArray>;
  csv(options: DsvOptions & {array?: false; typed: true}): Promise<DSVParsedArray<TypedRow>>;
  csv(options: DsvOptions & {array: true}): Promise<unknown[][]>;
  csv(options: DsvOptions = {}): Promise<DSVRowArray | DSVParsedArray<TypedRow> | unknown[][]> {
    return this.dsv({...options, delimiter: ","} as DsvOptions & {array: true});
  }

  tsv(options?: DsvOptions & {array?: false; typed?: false}): Promise<DSVRowArray>;
  tsv(options: DsvOptions & {array?: false; typed: true}): Promise<DSVParsedArray<TypedRow>>;
  tsv(options: DsvOptions & {array: true}): Promise<unknown[][]>;
  tsv(options: DsvOptions = {}): Promise<DSVRowArray | DSVParsedArray<TypedRow> | unknown[][]> {
    return this.dsv({...options, delimiter: "\t"} as DsvOptions & {array: true});
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#body.bytes();
  }

  async blob(): Promise<Blob> {
    return (await this.#body.open()).blob();
  }

  async stream(): Promise<ReadableStream<Uint8Array>> {
    const {body} = await this.#body.open();
    return body ?? new Blob([]).stream();
  }

  async arrow(): Promise<Table> {
    const [buffer, {tableFromIPC}] = await Promise.all([this.arrayBuffer(), import("apache-arrow")]);
    return this.#parse("Arrow IPC", () => tableFromIPC(new Uint8Array(buffer)));
  }

  async parquet(): Promise<Table> {
    const [{parquetToArrow}, buffer] = await Promise.all([import("./parquet.ts"), this.arrayBuffer()]);
    return this.#read("Parquet", () => parquetToArrow(buffer));
  }

  async xml(mimeType: DOMParserSupportedType = "application/xml"): Promise<Document> {
    const [text] = await Promise.all([this.text(), this.#options.dom?.()]);
    if (typeof DOMParser === "undefined") throw this.#error(`xml() needs a DOM: "${this.name}"`);
    const document = new DOMParser().parseFromString(text, mimeType);
    // A malformed XML document parses into one that reports the error in a <parsererror> element.
    const error = mimeType === "text/html" ? undefined : document.getElementsByTagName("parsererror")[0];
    if (error) throw this.#error(`invalid XML in "${this.name}": ${error.textContent?.trim()}`);
    return document;
  }

  html(): Promise<Document> {
    return this.xml("text/html");
  }

  async image(properties: Partial<HTMLImageElement> = {}): Promise<HTMLImageElement> {
    if (this.#body.headless) {
      const [bytes] = await Promise.all([this.arrayBuffer(), this.#options.dom?.()]);
      if (typeof document === "undefined") throw this.#error(`image() needs a DOM: "${this.name}"`);
      const image = document.createElement("img");
      Object.assign(image, properties);
      image.src = await dataUrl(new Blob([bytes], {type: this.mimeType}));
      return image;
    }
    const url = await this.url();
    return new Promise((resolve, reject) => {
      const image = new Image();
      if (new URL(url, location.href).origin !== location.origin) image.crossOrigin = "anonymous";
      Object.assign(image, properties);
      image.onload = () => resolve(image);
      image.onerror = () => reject(this.#error(`unable to load image: "${this.name}" (at ${url})`));
      image.src = url;
    });
  }

  async xlsx(): Promise<Workbook> {
    const [{openWorkbook}, buffer] = await Promise.all([import("./xlsx.ts"), this.arrayBuffer()]);
    return this.#read("xlsx", () => openWorkbook(buffer, this.name));
  }

  async zip(): Promise<ZipArchive> {
    const [{openZip}, buffer] = await Promise.all([import("./zip.ts"), this.arrayBuffer()]);
    const archive = {name: this.name, href: this.href, headless: this.#body.headless};
    const entry = (path: string, body: FileBody) => new Attachment(path, body, this.#options);
    return this.#read("zip", () => openZip(buffer, archive, entry));
  }

  async sqlite(): Promise<SQLiteDatabaseClient> {
    const [{openSQLite}, buffer] = await Promise.all([import("./sqlite.ts"), this.arrayBuffer()]);
    return this.#read("SQLite", () => openSQLite(buffer, this.name));
  }

  #error(message: string, cause?: unknown): FileAttachmentError {
    return new FileAttachmentError(this.name, message, cause === undefined ? undefined : {cause});
  }

  #parse<T>(format: string, parse: () => T): T {
    try {
      return parse();
    } catch (error) {
      throw this.#error(`invalid ${format} in "${this.name}": ${message(error)}`, error);
    }
  }

  // A reader's own errors (a missing sheet) already name the file; a library's (a corrupt zip) get its name.
  async #read<T>(format: string, read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      if (error instanceof FileAttachmentError) throw error;
      throw this.#error(`unable to read ${format} "${this.name}": ${message(error)}`, error);
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
