import {posix} from "node:path";
import {isLoaderCell, LOADER_OUTPUT_DIR, loaderSpec} from "../loaders/loader-cell.ts";
import {loaderOutput} from "../loaders/run-loader.ts";
import type {Notebook} from "../notebook/types.ts";
import type {Attachment} from "./attachments.ts";
import type {NotebookFile} from "./notebooks.ts";

/**
 * The outputs of a notebook's data loader cells, to publish beside its page (`_loaders/<hash>.<ext>`, where
 * the page reads them): each loader's snapshot, the loader run first when it has none. A loader that fails
 * (or a bad format) is a problem naming the notebook, the line and the interpreter's message: a published
 * page would show only a missing file.
 */
export async function loaderAttachments(
  {file, path}: NotebookFile,
  notebook: Notebook
): Promise<{attachments: Attachment[]; problems: string[]}> {
  const attachments: Attachment[] = [];
  const problems: string[] = [];
  await Promise.all(
    notebook.cells.filter(isLoaderCell).map(async (cell) => {
      const where = `${file}:${cell.line}${cell.output === undefined ? "" : ` (cell ${cell.output})`}`;
      try {
        const loader = loaderSpec(cell);
        const source = await loaderOutput(path, loader);
        attachments.push({source, target: posix.join(posix.dirname(file), LOADER_OUTPUT_DIR, loader.file)});
      } catch (error) {
        problems.push(`${where}: data loader failed: ${(error as Error).message}`);
      }
    })
  );
  return {attachments, problems};
}
