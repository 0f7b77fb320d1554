import type {Cell, Notebook} from "../../notebook/types.ts";

/**
 * The page runs TypeScript cells as the server compiled them (it ships no compiler): what the page reads from the
 * file is mapped to the server's JavaScript by source. A TypeScript cell edited in the page has no compiled form
 * until the file is served again, and says so in its place (see stripTypes).
 */
export class PageNotebook {
  readonly #compiled = new Map<string, Cell>();

  /** Learns the server's compiled cells: `served` is the server's notebook, `read` the same file read here. */
  learn(read: Notebook, served: Notebook): void {
    read.cells.forEach((cell, i) => {
      const page = served.cells[i];
      if (cell.mode === "ts" && page && page.mode !== "ts") this.#compiled.set(cell.source, page);
    });
  }

  /** `notebook` as the page runs it. */
  forPage(notebook: Notebook): Notebook {
    if (!notebook.cells.some((cell) => cell.mode === "ts")) return notebook;
    const cells = notebook.cells.map((cell) => {
      const page = cell.mode === "ts" ? this.#compiled.get(cell.source) : undefined;
      return page ? {...cell, mode: page.mode, source: page.source} : cell;
    });
    return {...notebook, cells};
  }
}
