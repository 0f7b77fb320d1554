import type {FileAttachment} from "../stdlib/file-attachment.ts";
import type {LoaderFormat} from "./loader-cell.ts";

/** Options of readLoaderOutput. */
export interface ReadOutputOptions {
  /**
   * Installs a DOM where there is none (the runner), awaited before xml, html and image outputs become
   * nodes; there an image is an <img> pointing at the cached file. Default: none (a page has its DOM).
   */
  readonly dom?: () => Promise<unknown>;
}

/**
 * A loader's output as the value its cell gives, read with FileAttachment's readers: csv and tsv typed (as
 * `csv({typed: true})`), xml a Document, html the nodes the markup parses to (the cell asked for HTML), an
 * image an <img>.
 */
export async function readLoaderOutput(
  file: FileAttachment,
  format: LoaderFormat,
  {dom}: ReadOutputOptions = {}
): Promise<unknown> {
  switch (format) {
    case "text":
      return file.text();
    case "json":
      return file.json();
    case "csv":
      return file.csv({typed: true});
    case "tsv":
      return file.tsv({typed: true});
    case "arrow":
      return file.arrow();
    case "parquet":
      return file.parquet();
    case "blob":
      return file.blob();
    case "buffer":
      return file.arrayBuffer();
    case "xml": {
      const text = await file.text();
      await dom?.();
      return new DOMParser().parseFromString(text, "application/xml");
    }
    case "html": {
      const text = await file.text();
      await dom?.();
      const template = document.createElement("template");
      template.innerHTML = text;
      const {content} = template;
      return content.childNodes.length === 1 ? content.firstChild : content;
    }
    case "jpeg":
    case "gif":
    case "webp":
    case "png":
    case "svg": {
      if (!dom) return file.image();
      const url = await file.url();
      await dom();
      return Object.assign(document.createElement("img"), {src: url});
    }
  }
}
