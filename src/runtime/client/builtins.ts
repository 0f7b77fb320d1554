import {createBuiltins, createFileAttachment, notebookUrlResolver} from "../stdlib/index.ts";

/** The builtins of a notebook page: `FileAttachment("data/x.csv")` fetches relative to `pageUrl`. */
export function pageBuiltins(pageUrl: string): Readonly<Record<string, unknown>> {
  return createBuiltins({fileAttachment: createFileAttachment(notebookUrlResolver(pageUrl))});
}
