import type {ServerResponse} from "node:http";
import {dirname, join} from "node:path";
import {isLoaderCell, LOADER_OUTPUT_DIR, loaderSpec, type LoaderSpec} from "../loaders/loader-cell.ts";
import {LOADER_FAILED_HEADER} from "../loaders/page-loader.ts";
import {loaderOutput} from "../loaders/run-loader.ts";
import type {Notebook} from "../notebook/types.ts";
import {sendFile} from "./static-files.ts";

/**
 * The dev server's data loaders: a served (or saved) notebook's loaders start at once, unless cached, and a
 * page's request for `_loaders/<hash>.<ext>` beside it gets the output when the run is over, or the
 * loader's error (500, marked by LOADER_FAILED_HEADER, which the page shows in the cell). Only outputs of
 * loaders of notebooks it served are answered: the name is a hash, the file comes from the cache.
 */
export class DevLoaders {
  readonly #known = new Map<string, {notebookPath: string; loader: LoaderSpec}>(); // published path → loader

  /** Registers the loaders of the notebook at `notebookPath` and starts those without a snapshot. */
  track(notebookPath: string, notebook: Notebook): void {
    for (const cell of notebook.cells.filter(isLoaderCell)) {
      let loader: LoaderSpec;
      try {
        loader = loaderSpec(cell);
      } catch {
        continue; // a bad format is the cell's error in the page
      }
      this.#known.set(join(dirname(notebookPath), LOADER_OUTPUT_DIR, loader.file), {notebookPath, loader});
      loaderOutput(notebookPath, loader).catch(() => {}); // its error is reported when the page asks
    }
  }

  /** Answers the request for the file at `path`, when it is a loader's output; false otherwise. */
  async send(path: string, response: ServerResponse): Promise<boolean> {
    const known = this.#known.get(path);
    if (!known) return false;
    let output: string;
    try {
      output = await loaderOutput(known.notebookPath, known.loader);
    } catch (error) {
      response.writeHead(500, {
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-cache",
        [LOADER_FAILED_HEADER]: "failed"
      });
      response.end((error as Error).message);
      return true;
    }
    return sendFile(output, response);
  }
}
