import {scanNotebook} from "./parse.ts";
import {serializeCell} from "./serialize.ts";
import type {Cell} from "./types.ts";

/**
 * The notebook file `html` with its cells replaced by `cells` (the page's edit of it). Only what changed is
 * written anew: a cell whose id, mode, attributes and source are those of the file keeps its element byte for
 * byte, and so does the text between two cells that stay neighbours (comments, blank lines); the text before
 * the first cell and after the last is kept too. New and changed cells are written as serializeCell writes
 * them, indented as the file's first cell is. Throws NotebookFormatError when `html` is no notebook.
 */
export function spliceNotebook(html: string, cells: readonly Cell[], file?: string): string {
  const {notebook, spans, close} = scanNotebook(html, file);
  const original = notebook.cells;
  const position = new Map(original.map((cell, i) => [cell.id, i]));
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last) return cells.length ? intoEmpty(html, close, cells) : html;
  const head = html.slice(0, first.start);
  const tail = html.slice(last.end);
  if (!cells.length) return head.replace(/\s*$/, "") + tail;
  const indent = /\n([ \t]*)$/.exec(head)?.[1] ?? "  ";
  const between = (j: number) => html.slice(spans[j - 1]!.end, spans[j]!.start);
  const present = new Set(cells.map((cell) => cell.id));
  const plain = `\n${indent}`;
  // The text before a cell kept after `previous` (its place in the file; undefined for a new cell): what
  // followed `previous` in the file, when no cell still in the notebook came between them (the ones there were
  // deleted, or this one is new there), so that adding a cell and deleting it gives back the file. After a new
  // cell, or when the order changed: a plain line break and the indent.
  const separator = (previous: number | undefined, j: number | undefined): string => {
    if (previous === undefined || (j !== undefined && j <= previous)) return plain;
    const next = previous + 1;
    if (next >= original.length) return plain;
    for (let i = next; i < (j ?? next); ++i) if (present.has(original[i]!.id)) return plain;
    return between(next);
  };
  let text = head;
  cells.forEach((cell, k) => {
    const j = position.get(cell.id);
    if (k > 0) text += separator(position.get(cells[k - 1]!.id), j);
    const kept = j !== undefined && sameCell(original[j]!, cell);
    text += kept ? html.slice(spans[j]!.start, spans[j]!.end) : serializeCell(cell, indent);
  });
  return text + tail;
}

/** Whether the file would read back the same cell (its line aside, which follows from the text around it). */
export function sameCell(a: Cell, b: Cell): boolean {
  return (
    a.id === b.id &&
    a.mode === b.mode &&
    a.source === b.source &&
    a.pinned === b.pinned &&
    (a.hidden ?? false) === (b.hidden ?? false) &&
    (a.bake ?? false) === (b.bake ?? false) &&
    a.output === b.output &&
    a.format === b.format
  );
}

// A notebook with no cell yet: the cells go on their own lines before `</notebook>`.
function intoEmpty(html: string, close: number, cells: readonly Cell[]): string {
  let end = close;
  while (end > 0 && /\s/.test(html[end - 1]!)) --end;
  const written = cells.map((cell) => `\n  ${serializeCell(cell)}`).join("");
  return html.slice(0, end) + written + html.slice(end);
}
