import {scanNotebook} from "./parse.ts";
import {rewriteCell} from "./rewrite-cell.ts";
import {serializeCell} from "./serialize.ts";
import type {Cell} from "./types.ts";

/**
 * The notebook file `html` with its cells replaced by `cells` (the page's edit of it). Only what changed is
 * written anew: a cell whose id, mode, attributes and source are those of the file keeps its element byte for
 * byte, and an edited one changes only what was edited (rewriteCell). The text before a cell (from the end of
 * the element before it: comments, blank lines) is the cell's own and goes where the cell goes; above the
 * first cell, that is what follows the last tag that is no comment (the title). A deleted cell's text stays,
 * its trailing blanks aside, above the next cell of the file still in the notebook (or at the end, before what
 * follows the last cell), unless it is only blanks. New cells are written as serializeCell writes them, on a
 * line of their own, indented as the file's first cell is. What is written anew ends its lines as most of
 * the file's lines do (CRLF or LF). Throws NotebookFormatError when `html` is no notebook.
 */
export function spliceNotebook(html: string, cells: readonly Cell[], file?: string): string {
  const {notebook, spans, close} = scanNotebook(html, file);
  const original = notebook.cells;
  const first = spans[0];
  const last = spans.at(-1);
  const eol = lineEnd(html);
  if (!first || !last) return cells.length ? intoEmpty(html, close, cells, eol) : html;
  const indent = /\n([ \t]*)$/.exec(html.slice(0, first.start))?.[1] ?? "  ";
  const start = afterLastTag(html, first.start);
  const leads = spans.map((span, i) => html.slice(i ? spans[i - 1]!.end : start, span.start));
  const position = new Map(original.map((cell, i) => [cell.id, i]));
  const present = new Set(cells.map((cell) => cell.id));
  // What deleted cells leave (their comments), by the index of the next cell of the file that stays.
  const orphans = new Map<number, string>();
  let left = "";
  original.forEach((cell, i) => {
    if (present.has(cell.id)) {
      if (left) orphans.set(i, left);
      left = "";
    } else if (leads[i]!.trim()) left += leads[i]!.replace(/\s+$/, "");
  });
  let text = html.slice(0, start);
  for (const cell of cells) {
    const j = position.get(cell.id);
    if (j === undefined) {
      text += `${eol}${indent}${serializeCell(cell, indent, eol)}`;
      continue;
    }
    const element = html.slice(spans[j]!.start, spans[j]!.end);
    const kept = sameCell(original[j]!, cell);
    text +=
      (orphans.get(j) ?? "") +
      leads[j]! +
      (kept ? element : rewriteCell(element, original[j]!, cell, indent, eol));
  }
  return text + left + html.slice(last.end);
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
    a.format === b.format &&
    a.database === b.database
  );
}

// A notebook with no cell yet: the cells go on their own lines before `</notebook>`.
function intoEmpty(html: string, close: number, cells: readonly Cell[], eol: string): string {
  let end = close;
  while (end > 0 && /\s/.test(html[end - 1]!)) --end;
  const written = cells.map((cell) => `${eol}  ${serializeCell(cell, "  ", eol)}`).join("");
  return html.slice(0, end) + written + html.slice(end);
}

// Where the blanks and comments that end `html.slice(0, end)` start: after the last tag or text that is no comment.
function afterLastTag(html: string, end: number): number {
  let start = 0;
  for (const match of html.slice(0, end).matchAll(/<!--[^]*?-->|\s+|[^<\s]+|</g)) {
    if (match[0].trim() && !match[0].startsWith("<!--")) start = match.index + match[0].length;
  }
  return start;
}

// The line end most lines of `html` have: "\r\n" or (also when there are as many, or none) "\n".
function lineEnd(html: string): string {
  const crlf = html.match(/\r\n/g)?.length ?? 0;
  return crlf > (html.match(/\n/g)?.length ?? 0) - crlf ? "\r\n" : "\n";
}
