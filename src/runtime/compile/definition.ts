import type {Cell as ParsedCell, Node, Reference, TemplateLiteral} from "@observablehq/parser";
import {base, simple, type RecursiveVisitors} from "acorn-walk";
import {IMPORT_BUILTIN} from "./module-cell.ts";
import type {Cell} from "../notebook/types.ts";
import {SQL_BUILTIN, type SqlCellSpec} from "../sql/sql-builtin.ts";
import {sqlDatabase} from "./sql-database.ts";

/**
 * The source of the cell's definition function: `(function(inputs…) { body })`. References become parameters
 * (`viewof x` → `viewof$x`, `mutable x` → `mutable$x.value`), and the text before the body is kept as blank
 * space, so that line k of the cell's source is line k of this code: stack traces map back to the cell.
 */
export function definitionSource(cell: Cell, parsed: ParsedCell): {code: string; inputs: string[]} {
  const parameters = new Map<string, string>(); // input name → parameter name
  for (const reference of parsed.references) parameters.set(inputName(reference), parameterName(reference));
  let body: string;
  if (cell.mode === "sql") {
    const template = parsed.body as TemplateLiteral;
    const tag = sqlTag(cell, template, parameters);
    body = `{ return (${templateSource(tag, cell.source, template, parsed.references)}\n) }`;
  } else if (cell.mode !== "ojs") {
    parameters.set(cell.mode, cell.mode); // the builtin that renders the cell: md, html, tex or dot
    const tag = cell.mode === "tex" ? "tex.block" : cell.mode; // a TeX cell is display math, as in Notebook Kit
    body = `{ return (${templateSource(tag, cell.source, parsed.body as TemplateLiteral, parsed.references)}\n) }`;
  } else if (parsed.body === null) {
    body = "{}";
  } else {
    const padding = cell.source.slice(0, parsed.body.start).replace(/[^\n]/g, " ");
    const imports = importCalls(parsed.body);
    if (imports.length) parameters.set(IMPORT_BUILTIN, IMPORT_BUILTIN);
    const text = rewrite(cell.source, parsed.body, parsed.references, imports);
    body = parsed.body.type === "BlockStatement" ? `${padding}${text}` : `{ return (${padding}${text}\n) }`;
  }
  const keyword = `${parsed.async ? "async " : ""}function${parsed.generator ? "*" : ""}`;
  return {
    code: `(${keyword}(${[...parameters.values()].join(", ")}) ${body})`,
    inputs: [...parameters.keys()]
  };
}

function inputName(reference: Reference): string {
  switch (reference.type) {
    case "Identifier":
      return reference.name;
    case "ViewExpression":
      return `viewof ${reference.id.name}`;
    case "MutableExpression":
      return `mutable ${reference.id.name}`;
  }
}

function parameterName(reference: Reference): string {
  switch (reference.type) {
    case "Identifier":
      return reference.name;
    case "ViewExpression":
      return `viewof$${reference.id.name}`;
    case "MutableExpression":
      return `mutable$${reference.id.name}`;
  }
}

/**
 * The source of `node` with the view and mutable references inside it replaced, and the `import` keyword of
 * each of `imports` (the start of an `import(…)` call) made the import builtin's name.
 */
function rewrite(
  source: string,
  node: Node,
  references: readonly Reference[],
  imports: readonly number[] = []
): string {
  const edits = [
    ...references
      .filter((r) => r.type !== "Identifier" && r.start >= node.start && r.end <= node.end)
      .map((reference) => ({
        start: reference.start,
        end: reference.end,
        text:
          reference.type === "MutableExpression"
            ? `${parameterName(reference)}.value`
            : parameterName(reference)
      })),
    ...imports.map((start) => ({start, end: start + "import".length, text: IMPORT_BUILTIN}))
  ];
  let text = "";
  let index = node.start;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    text += source.slice(index, edit.start) + edit.text;
    index = edit.end;
  }
  return text + source.slice(index, node.end);
}

// The parser's own nodes hold only a name: nothing to walk into.
const walkBase = {
  ...base,
  ViewExpression: () => {},
  MutableExpression: () => {}
} as RecursiveVisitors<unknown>;

/**
 * Where each `import(…)` in a classic cell starts: it becomes a call of the import builtin, which resolves
 * as a JavaScript cell's imports do (relative to the notebook, offline), not relative to this module.
 */
function importCalls(node: Node): number[] {
  const starts: number[] = [];
  simple(
    node as Parameters<typeof simple>[0],
    {ImportExpression: (call) => void starts.push(call.start)},
    walkBase
  );
  return starts;
}

/**
 * A Markdown, HTML, TeX or DOT cell as a call of its tag, the way a tagged template calls it: `md(strings,
 * …values)`, with `strings` and `strings.raw` both the text exactly as written (md reads the former; htl's
 * html, tex and dot the latter), so a backslash, a backtick or a `$` shows as typed. Each expression keeps
 * its own line, for stack traces.
 */
function templateSource(
  tag: string,
  source: string,
  template: TemplateLiteral,
  references: readonly Reference[]
): string {
  const strings = JSON.stringify(template.quasis.map((quasi) => quasi.value.raw));
  const newlines = (text: string) => text.split("\n").length - 1;
  let line = 0; // lines of the source emitted so far: each expression goes on its own source line
  const values = template.expressions.map((expression) => {
    const text = rewrite(source, expression, references);
    const padding = "\n".repeat(Math.max(0, newlines(source.slice(0, expression.start)) - line));
    line += padding.length + newlines(text);
    return `, ${padding}${text}`;
  });
  return `${tag}(Object.assign(${strings}, {raw: ${strings}})${values.join("")})`;
}

/**
 * A SQL cell's tag: the SQL builtin told the cell's line and the line breaks of each `${…}` (so the engine's
 * `LINE n` maps to the file), and, for `database="var:db"`, the variable `db` to query instead.
 */
function sqlTag(cell: Cell, template: TemplateLiteral, parameters: Map<string, string>): string {
  parameters.set(SQL_BUILTIN, "__sql");
  const breaks = template.quasis
    .slice(1)
    .map((quasi, i) => cell.source.slice(template.quasis[i]!.end, quasi.start).split("\n").length - 1);
  const spec: SqlCellSpec = {line: cell.line, breaks};
  const database = sqlDatabase(cell);
  if (database.kind === "engine") return `__sql(${JSON.stringify(spec)})`;
  parameters.set(database.variable, database.variable);
  return `__sql(${JSON.stringify(spec)}, ${database.variable})`;
}
