import {readFile} from "node:fs/promises";
import {isNotebookHtml} from "../runtime/vite/notebooks.ts";
import {UsageError} from "./usage-error.ts";

/**
 * Refuses, as a usage mistake, a regular file that is no notebook: not `.html`, or HTML (an empty or binary
 * file included) with no `<notebook>` element. `run` and `build` check a named file here before any work.
 */
export async function checkNotebookContent(file: string): Promise<void> {
  if (!/\.html$/i.test(file))
    throw new UsageError(`${file} is not a notebook (an .html file with a <notebook>)`);
  const html = await readFile(file, "utf8");
  if (html.trim() === "") throw new UsageError(`${file} is not a notebook: it is empty`);
  if (!isNotebookHtml(html)) throw new UsageError(`${file} is not a notebook: it has no <notebook> element`);
}
