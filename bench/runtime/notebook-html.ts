import {CellId, serializeNotebook, type Cell} from "../../src/runtime/notebook/index.ts";
import type {Graph} from "./graph.ts";

/**
 * The graph as a notebook file, its cells numbered from `firstId` in graph order (so a cell's index in the
 * graph is its id minus the first cell's). Each timed run gets fresh ids: ids name the generated code
 * (`//# sourceURL=phoenix-cell-ID.js`), and V8 would otherwise find the same code text in its compilation
 * cache, making a repeated first render cheaper than any real one.
 */
export function notebookHtml(graph: Graph, title: string, firstId = 1): string {
  let line = 1;
  const cells = graph.cells.map((cell, index): Cell => {
    const result = {
      id: CellId.create(firstId + index),
      mode: cell.mode,
      source: cell.source,
      pinned: false,
      line
    };
    line += cell.source.split("\n").length + 2;
    return result;
  });
  return serializeNotebook({title, cells});
}
