import {NotebookFormatError} from "./errors.ts";
import {CellId, cellTypes, type Cell, type CellMode, type Notebook} from "./types.ts";

const modeByType = new Map<string, CellMode>(
  Object.entries(cellTypes).map(([mode, type]) => [type, mode as CellMode])
);

// A script with no type, or a plain JavaScript one, is a JavaScript cell, as Notebook Kit reads it; any other type
// we do not run is an error rather than a guess.
const javascriptTypes = new Set(["", "text/javascript", "application/javascript"]);

// The notebook file is HTML, but only three things in it matter: <notebook>, <title> and <script> elements,
// whose content is raw text up to the closing tag. A small scanner reads exactly that and keeps line numbers,
// so it behaves the same in Node and in the browser (DOMParser exists only in the latter).
const tokenPattern = /<!--[\s\S]*?-->|<(\/?)(notebook|title|script)\b([^>]*)>/gi;
/** One attribute of a tag: its name, then its value in double, single or no quotes (none for `pinned`). */
export const attributePattern = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Where a cell's `<script>` element is in the notebook file: `html.slice(start, end)`, tags included. */
export interface CellSpan {
  readonly start: number;
  readonly end: number;
}

/** A notebook as read, with where each cell's element is in the text (to rewrite only the cells that change). */
export interface ScannedNotebook {
  readonly notebook: Notebook;
  /** One per cell, in the order of `notebook.cells`. */
  readonly spans: readonly CellSpan[];
  /** Where `</notebook>` starts (the text's length when it is never closed): a first cell goes before it. */
  readonly close: number;
}

/** Reads a notebook file (Observable's open notebook HTML). `file` only names the source in errors. */
export function parseNotebook(html: string, file?: string): Notebook {
  return scanNotebook(html, file).notebook;
}

/** parseNotebook, with each cell's place in the text. */
export function scanNotebook(html: string, file?: string): ScannedNotebook {
  const lineAt = lineLocator(html);
  let title: string | undefined;
  let theme: string | undefined;
  let readonly = false;
  let inNotebook = false;
  let sawNotebook = false;
  const cells: Cell[] = [];
  const spans: CellSpan[] = [];
  let close = html.length;
  const lower = html.toLowerCase();
  const tokens = new RegExp(tokenPattern.source, "gi");
  for (let match; (match = tokens.exec(html));) {
    const [token, closing, tagName, attributeText = ""] = match;
    const index = match.index;
    if (tagName === undefined) continue; // a comment
    const tag = tagName.toLowerCase();
    if (tag === "notebook") {
      if (closing) {
        if (inNotebook) close = index;
        inNotebook = false;
      } else {
        inNotebook = sawNotebook = true;
        const attributes = parseAttributes(attributeText);
        theme = attributes.get("theme");
        readonly = attributes.has("readonly");
      }
      continue;
    }
    if (closing) throw new NotebookFormatError(`unexpected </${tag}>`, file, lineAt(index));
    const contentStart = index + token.length;
    const end = closingTag(lower, tag, contentStart);
    if (end < 0) throw new NotebookFormatError(`<${tag}> is never closed`, file, lineAt(index));
    tokens.lastIndex = html.indexOf(">", end) + 1 || html.length;
    const content = html.slice(contentStart, end);
    if (!inNotebook) continue; // scripts of the page around the notebook are not cells
    if (tag === "title") {
      title = decodeEntities(content.trim());
      continue;
    }
    const attributes = parseAttributes(attributeText);
    const type = attributes.get("type") ?? "";
    const mode = modeByType.get(type) ?? (javascriptTypes.has(type.trim().toLowerCase()) ? "js" : undefined);
    if (mode === undefined) {
      const expected = [...modeByType.keys()].join(", ");
      throw new NotebookFormatError(
        `unknown cell type: "${type}" (expected ${expected})`,
        file,
        lineAt(index)
      );
    }
    const id = parseId(attributes.get("id"), cells.length + 1);
    const {source, offset, indent} = dedent(unescapeScriptEnd(content));
    // A source that starts on its tag's line (`<script …>x = 1</script>`) has the tag before its first line.
    const firstIndent =
      offset === 0 ? indent + contentStart - (html.lastIndexOf("\n", contentStart - 1) + 1) : indent;
    spans.push({start: index, end: tokens.lastIndex});
    cells.push({
      id: CellId.create(id),
      mode,
      source,
      pinned: attributes.has("pinned"),
      ...(attributes.has("hidden") ? {hidden: true} : {}),
      ...(attributes.has("bake") ? {bake: true} : {}),
      ...(attributes.has("output") ? {output: attributes.get("output")!} : {}),
      ...(attributes.has("format") ? {format: attributes.get("format")!} : {}),
      ...(attributes.has("database") ? {database: attributes.get("database")!} : {}),
      line: lineAt(contentStart) + offset,
      ...(indent ? {indent} : {}),
      ...(firstIndent !== indent ? {firstIndent} : {})
    });
  }
  if (!sawNotebook) throw new NotebookFormatError("no <notebook> element", file, 1);
  const notebook = {
    title: title ?? "Untitled",
    ...(theme === undefined ? {} : {theme}),
    ...(readonly ? {readonly} : {}),
    cells: renumber(cells)
  };
  return {notebook, spans, close};
}

/**
 * The text of a cell as written, with the escape serializeCell adds taken off: one backslash after the `<` of
 * any `<\\*\/script` (so `<\/script` reads `</script`, `<\\/script` reads `<\/script`), as Notebook Kit reads it.
 */
export function unescapeScriptEnd(text: string): string {
  return text.replace(/<\\(?=\\*\/script([\s/>]|$))/gi, "<");
}

// Where the element's end tag starts in `lower` (from `from`), or -1: `</script` then a space, `/` or `>`, as
// HTML ends a tag name (`</scripts>` inside a cell does not end it).
function closingTag(lower: string, tag: string, from: number): number {
  const pattern = new RegExp(`</${tag}(?=[\\s/>]|$)`, "g");
  pattern.lastIndex = from;
  return pattern.exec(lower)?.index ?? -1;
}

// A cell's id: its attribute when that is a whole number, else (none, "intro", "1.5") its position; a duplicate
// gets a fresh one (see renumber), as Notebook Kit numbers them.
function parseId(text: string | undefined, fallback: number): number {
  const id = text === undefined ? NaN : Number(text.trim());
  return text?.trim() && Number.isInteger(id) && id >= 0 ? id : fallback;
}

// Cells without an id take their position; a cell whose id an earlier cell has (positional or written twice,
// as Notebook Kit's own data-loaders.html does) gets a fresh one, as Notebook Kit gives it.
function renumber(cells: Cell[]): Cell[] {
  const seen = new Set<number>();
  let next = Math.max(0, ...cells.map((cell) => cell.id)) + 1;
  return cells.map((cell) => {
    if (!seen.has(cell.id)) return (seen.add(cell.id), cell);
    return {...cell, id: CellId.create(next++)};
  });
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, double, single, bare] of text.matchAll(attributePattern)) {
    if (name) attributes.set(name.toLowerCase(), decodeEntities(double ?? single ?? bare ?? ""));
  }
  return attributes;
}

/**
 * Removes blank lines around the source and the indentation common to its lines; `offset` is how many lines
 * were removed above it, `indent` how many columns from each line.
 */
export function dedent(text: string): {source: string; offset: number; indent: number} {
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => (line.trim() ? line : ""));
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === "") ++start;
  let end = lines.length;
  while (end > start && lines[end - 1]!.trim() === "") --end;
  const body = lines.slice(start, end);
  const indent = Math.min(
    ...body.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length)
  );
  const source = body.map((line) => line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length))).join("\n");
  return {source, offset: start, indent: Number.isFinite(indent) ? indent : 0};
}

function lineLocator(text: string): (index: number) => number {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const entities: Record<string, string> = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0"};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, code: string) => {
    if (code[0] === "#")
      return String.fromCodePoint(parseInt(code.slice(code[1] === "x" ? 2 : 1), code[1] === "x" ? 16 : 10));
    return entities[code.toLowerCase()] ?? entity;
  });
}
