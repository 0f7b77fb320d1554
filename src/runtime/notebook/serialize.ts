import {cellTypes, type Cell, type Notebook} from "./types.ts";

/** Writes a notebook in Observable's open notebook HTML; `parseNotebook` reads back the same cells. */
export function serializeNotebook(notebook: Notebook): string {
  const theme =
    (notebook.theme === undefined ? "" : ` theme="${escapeAttribute(notebook.theme)}"`) +
    (notebook.readonly ? " readonly" : "");
  const cells = notebook.cells.map((cell) => `  ${serializeCell(cell)}`).join("\n");
  return `<!doctype html>\n<notebook${theme}>\n  <title>${escapeText(notebook.title)}</title>\n${cells}\n</notebook>\n`;
}

/**
 * One cell's `<script>` element; its source lines are indented by `indent` and two spaces, its end tag by
 * `indent`; its lines end with `eol`.
 */
export function serializeCell(cell: Cell, indent = "  ", eol = "\n"): string {
  const pinned =
    (cell.pinned ? " pinned" : "") +
    (cell.hidden ? " hidden" : "") +
    (cell.bake ? " bake" : "") +
    (cell.output === undefined ? "" : ` output="${escapeAttribute(cell.output)}"`) +
    (cell.format === undefined ? "" : ` format="${escapeAttribute(cell.format)}"`) +
    (cell.database === undefined ? "" : ` database="${escapeAttribute(cell.database)}"`);
  const source = escapeScriptEnd(cell.source)
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() ? `${indent}  ${line}` : ""))
    .join(eol);
  return `<script id="${cell.id}" type="${cellTypes[cell.mode]}"${pinned}>${eol}${source}${eol}${indent}</script>`;
}

/**
 * One more backslash after the `<` of any `<\\*\/script`, which parseNotebook takes off again: the element cannot
 * end early, and a source that itself holds `<\/script` (a regular expression) reads back.
 */
export function escapeScriptEnd(source: string): string {
  return source.replace(/<(?=\\*\/script([\s/>]|$))/gi, "<\\");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** Text for an attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}
