import {createFileAttachment} from "../stdlib/file-attachment.ts";
import {LOADER_CACHE_DIR} from "./cache.ts";
import type {DataLoader} from "./loader-cell.ts";
import {readLoaderOutput} from "./read-output.ts";
import type {RunLoaderOptions} from "./run-loader.ts";

/** Options of nodeDataLoader. */
export interface NodeDataLoaderOptions extends RunLoaderOptions {
  /** Installs the DOM that xml, html and image outputs need (see ReadOutputOptions). Default: none. */
  readonly dom?: () => Promise<unknown>;
}

/**
 * The data loader builtin of a notebook file run in Node (the runner): each loader cell's output from its
 * snapshot in `.observable/cache/` beside the notebook, the interpreter run first when there is none.
 */
export function nodeDataLoader(
  notebookPath: string,
  {dom, ...options}: NodeDataLoaderOptions = {}
): DataLoader {
  return async (loader) => {
    // Loaded with the first loader cell: child processes are no concern of notebooks without one.
    const {loaderOutput} = await import("./run-loader.ts");
    const path = await loaderOutput(notebookPath, loader, options);
    const file = createFileAttachment(() => ({path}))(`${LOADER_CACHE_DIR}/${loader.file}`);
    return readLoaderOutput(file, loader.format, dom ? {dom} : {});
  };
}
