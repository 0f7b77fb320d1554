import {attributePattern} from "./parse.ts";
import {escapeAttribute, escapeScriptEnd} from "./serialize.ts";
import {cellTypes, type Cell} from "./types.ts";

/**
 * The element `element` of the file, which reads as `before`, rewritten for `after` (the same cell, edited), with
 * only what changed written anew. A changed attribute is replaced where it stands, in its quotes; a new one goes
 * at the end of the tag; one turned off goes with the blank before it. The other attributes (an `id` that is no
 * number, a `class`), the tag's spacing and the end tag stay as written. A new source keeps the cell's
 * indentation and the blank lines around it; a one-line cell written on the tag's line stays on it. New lines
 * end with `eol`; a cell written on one line that now has several is written as serializeCell writes it, with
 * `indent` before its end tag.
 */
export function rewriteCell(element: string, before: Cell, after: Cell, indent: string, eol: string): string {
  const open = element.indexOf(">");
  const close = element.toLowerCase().lastIndexOf("</script");
  let attributes = element.slice("<script".length, open);
  for (const [name, was, now] of changes(before, after)) {
    if (was !== now) attributes = setAttribute(attributes, name, now);
  }
  let content = element.slice(open + 1, close);
  if (before.source !== after.source) content = rewriteSource(content, after.source, indent, eol);
  return element.slice(0, "<script".length) + attributes + ">" + content + element.slice(close);
}

// Each attribute the notebook reads (the id aside: a kept cell keeps it), before and after: undefined when
// absent, "" for a flag that is on.
function changes(before: Cell, after: Cell): [string, string | undefined, string | undefined][] {
  const flag = (on: boolean | undefined) => (on ? "" : undefined);
  return [
    ["type", cellTypes[before.mode], cellTypes[after.mode]],
    ["pinned", flag(before.pinned), flag(after.pinned)],
    ["hidden", flag(before.hidden), flag(after.hidden)],
    ["bake", flag(before.bake), flag(after.bake)],
    ["output", before.output, after.output],
    ["format", before.format, after.format],
    ["database", before.database, after.database]
  ];
}

// The attribute text `text` with `name` set to `value` (a flag when "", removed when undefined).
function setAttribute(text: string, name: string, value: string | undefined): string {
  const matches = [...text.matchAll(attributePattern)].filter((match) => match[1]!.toLowerCase() === name);
  if (value === undefined) {
    for (const match of matches.reverse()) {
      const start = /\s*$/.exec(text.slice(0, match.index))!.index;
      text = text.slice(0, start) + text.slice(match.index + match[0].length);
    }
    return text;
  }
  // The parser reads the last one written; the value keeps its single quotes when it can.
  const match = matches.at(-1);
  const quote = match?.[3] !== undefined && !value.includes("'") ? "'" : '"';
  const written = (spelled: string) =>
    value
      ? `${spelled}=${quote}${quote === "'" ? value.replace(/&/g, "&amp;") : escapeAttribute(value)}${quote}`
      : spelled;
  if (match)
    return text.slice(0, match.index) + written(match[1]!) + text.slice(match.index + match[0].length);
  const end = /[\s/]*$/.exec(text)!.index;
  return `${text.slice(0, end)} ${written(name)}${text.slice(end)}`;
}

// The content `content` of a script element with its source replaced by `source`.
function rewriteSource(content: string, source: string, indent: string, eol: string): string {
  const lines = escapeScriptEnd(source).split(/\r\n?|\n/);
  const first = content.search(/\S/);
  if (first < 0 || (lines.length > 1 && !content.includes("\n"))) {
    const body = lines.map((line) => (line.trim() ? `${indent}  ${line}` : "")).join(eol);
    return `${eol}${body}${eol}${indent}`;
  }
  // The blank lines before the source and after it are kept; the source's lines take its common indentation.
  const start = content.lastIndexOf("\n", first) + 1;
  const last = content.search(/\s*$/);
  const breakAt = content.indexOf("\n", last);
  const end = breakAt < 0 ? content.length : content[breakAt - 1] === "\r" ? breakAt - 1 : breakAt;
  const margins = content
    .slice(start, end)
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line) => /^[ \t]*/.exec(line)![0]);
  const margin = margins.reduce((a, b) => (b.length < a.length ? b : a));
  const body = lines.map((line) => (line.trim() ? margin + line : "")).join(eol);
  return content.slice(0, start) + body + content.slice(end);
}
