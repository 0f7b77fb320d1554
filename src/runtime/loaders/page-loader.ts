import type {FileAttachmentFactory} from "../stdlib/file-attachment.ts";
import {FileAttachmentError} from "../stdlib/file-source.ts";
import {LOADER_OUTPUT_DIR, type DataLoader} from "./loader-cell.ts";
import {readLoaderOutput} from "./read-output.ts";

/** The header with which the dev server answers for a loader that failed; its body is the loader's error. */
export const LOADER_FAILED_HEADER = "x-phoenix-data-loader";

/**
 * The data loader builtin of a page: each loader cell's output as the server published it beside the page
 * (`_loaders/<hash>.<ext>`), read as a FileAttachment. The page runs no interpreter. When the dev server's run
 * of the loader failed, the cell's error is that failure (the interpreter's message and exit code).
 */
export function pageDataLoader(fileAttachment: FileAttachmentFactory): DataLoader {
  return async (loader) => {
    const file = fileAttachment(`${LOADER_OUTPUT_DIR}/${loader.file}`);
    try {
      return await readLoaderOutput(file, loader.format);
    } catch (error) {
      if (!(error instanceof FileAttachmentError)) throw error;
      const response = await fetch(await file.url()).catch(() => undefined);
      if (response?.headers.get(LOADER_FAILED_HEADER) === "failed")
        throw new Error(await response.text(), {cause: error});
      throw error;
    }
  };
}
