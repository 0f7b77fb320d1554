// Arrow and d3 are imported by the methods that use them: a notebook that reads no CSV loads no d3.
import type {Table} from "apache-arrow";
import type {DSVParsedArray, DSVRowArray} from "d3";
import {FileAttachmentError, openSource, sourceBytes, sourceUrl, type FileSource} from "./file-source.ts";

/** Options of FileAttachment's csv() and tsv(). */
export interface DsvOptions {
  /** Infer numbers, booleans, dates and nulls from the text with d3.autoType. Default: false (strings). */
  typed?: boolean;
}

/** A row of a typed CSV or TSV: d3.autoType's numbers, booleans, Dates, nulls and strings. */
export type TypedRow = Record<string, unknown>;

/** A file that a notebook reads with `FileAttachment(name)`; each method reads the file anew. */
export interface FileAttachment {
  /** The name the notebook gave, e.g. "data/production.parquet". */
  readonly name: string;
  /** The file's absolute URL (a file: URL in Node). */
  url(): Promise<string>;
  /** The contents decoded as text; UTF-8 unless `encoding` names another TextDecoder label. */
  text(encoding?: string): Promise<string>;
  json(): Promise<unknown>;
  csv(options?: DsvOptions & {typed?: false}): Promise<DSVRowArray>;
  csv(options: DsvOptions & {typed: true}): Promise<DSVParsedArray<TypedRow>>;
  tsv(options?: DsvOptions & {typed?: false}): Promise<DSVRowArray>;
  tsv(options: DsvOptions & {typed: true}): Promise<DSVParsedArray<TypedRow>>;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
  stream(): Promise<ReadableStream<Uint8Array>>;
  /** An Arrow IPC file or stream, as an Arrow table. */
  arrow(): Promise<Table>;
  /** A Parquet file, as an Arrow table (see parquetToArrow for the column types). */
  parquet(): Promise<Table>;
  /** An <img> that has loaded the file, with `properties` assigned; browser only. */
  image(properties?: Partial<HTMLImageElement>): Promise<HTMLImageElement>;
}

/** The `FileAttachment` builtin: an attachment for a name. */
export type FileAttachmentFactory = (name: string) => FileAttachment;

/**
 * Creates the `FileAttachment` builtin of a notebook, given how its names resolve: to URLs in the
 * browser (see notebookUrlResolver), to paths in Node (see notebookFileResolver in file-node.ts).
 */
export function createFileAttachment(resolve: (name: string) => FileSource): FileAttachmentFactory {
  return (name) => new Attachment(String(name), resolve(String(name)));
}

class Attachment implements FileAttachment {
  readonly name: string;
  readonly #source: FileSource;

  constructor(name: string, source: FileSource) {
    this.name = name;
    this.#source = source;
  }

  #open(): Promise<Response> {
    return openSource(this.#source, this.name);
  }

  url(): Promise<string> {
    return sourceUrl(this.#source);
  }

  async text(encoding?: string): Promise<string> {
    if (encoding === undefined) return (await this.#open()).text();
    return new TextDecoder(encoding).decode(await this.arrayBuffer());
  }

  async json(): Promise<unknown> {
    const text = await this.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new FileAttachmentError(this.name, `invalid JSON in "${this.name}": ${message(error)}`, {
        cause: error
      });
    }
  }

  csv(options?: DsvOptions & {typed?: false}): Promise<DSVRowArray>;
  csv(options: DsvOptions & {typed: true}): Promise<DSVParsedArray<TypedRow>>;
  async csv({typed = false}: DsvOptions = {}): Promise<DSVRowArray | DSVParsedArray<TypedRow>> {
    const [text, {autoType, csvParse}] = await Promise.all([this.text(), import("d3")]);
    return typed ? (csvParse(text, autoType) as DSVParsedArray<TypedRow>) : csvParse(text);
  }

  tsv(options?: DsvOptions & {typed?: false}): Promise<DSVRowArray>;
  tsv(options: DsvOptions & {typed: true}): Promise<DSVParsedArray<TypedRow>>;
  async tsv({typed = false}: DsvOptions = {}): Promise<DSVRowArray | DSVParsedArray<TypedRow>> {
    const [text, {autoType, tsvParse}] = await Promise.all([this.text(), import("d3")]);
    return typed ? (tsvParse(text, autoType) as DSVParsedArray<TypedRow>) : tsvParse(text);
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return sourceBytes(this.#source, this.name);
  }

  async blob(): Promise<Blob> {
    return (await this.#open()).blob();
  }

  async stream(): Promise<ReadableStream<Uint8Array>> {
    const {body} = await this.#open();
    return body ?? new Blob([]).stream();
  }

  async arrow(): Promise<Table> {
    const [buffer, {tableFromIPC}] = await Promise.all([this.arrayBuffer(), import("apache-arrow")]);
    const bytes = new Uint8Array(buffer);
    try {
      return tableFromIPC(bytes);
    } catch (error) {
      throw new FileAttachmentError(this.name, `invalid Arrow IPC in "${this.name}": ${message(error)}`, {
        cause: error
      });
    }
  }

  async parquet(): Promise<Table> {
    // Imported on first use, so pages that read no Parquet do not load the decoder.
    const [{parquetToArrow}, buffer] = await Promise.all([import("./parquet.ts"), this.arrayBuffer()]);
    try {
      return await parquetToArrow(buffer);
    } catch (error) {
      throw new FileAttachmentError(this.name, `unable to read Parquet "${this.name}": ${message(error)}`, {
        cause: error
      });
    }
  }

  async image(properties: Partial<HTMLImageElement> = {}): Promise<HTMLImageElement> {
    if ("path" in this.#source) {
      throw new FileAttachmentError(
        this.name,
        `image() needs a browser: "${this.name}" (use arrayBuffer() in Node)`
      );
    }
    const url = await this.url();
    return new Promise((resolve, reject) => {
      const image = new Image();
      if (new URL(url, location.href).origin !== location.origin) image.crossOrigin = "anonymous";
      Object.assign(image, properties);
      image.onload = () => resolve(image);
      image.onerror = () =>
        reject(new FileAttachmentError(this.name, `unable to load image: "${this.name}" (at ${url})`));
      image.src = url;
    });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
