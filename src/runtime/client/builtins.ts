import type {NotebookPlugin} from "../plugin.ts";
import {createBuiltins} from "../stdlib/builtins.ts";
import {createFileAttachment} from "../stdlib/file-attachment.ts";
import {notebookUrlResolver} from "../stdlib/file-source.ts";

/**
 * The builtins of a notebook page, with the plugins': `FileAttachment("data/x.csv")` fetches relative to
 * `pageUrl`.
 */
export function pageBuiltins(
  pageUrl: string,
  plugins: readonly NotebookPlugin[] = []
): Readonly<Record<string, unknown>> {
  return createBuiltins({fileAttachment: createFileAttachment(notebookUrlResolver(pageUrl)), plugins});
}
