import type {Cell as ParsedCell, Node, Reference, TemplateLiteral} from "@observablehq/parser";
import type {Cell} from "../notebook/types.ts";
import type {Definition} from "./types.ts";

/** The name under which a cell's generated code appears in stack traces; `errorLine` reads it back. */
export function sourceURL(cell: Cell): string {
  return `phoenix-cell-${cell.id}.js`;
}

// `new Function(body)` puts `body` on line 3 of its source ("function anonymous(\n) {\n" comes first).
const FUNCTION_PREAMBLE_LINES = 2;

/**
 * The 1-based line in the notebook file of the innermost frame of `error` inside the cell, if any. `compiled`
 * is the cell as compiled (its code's sourceURL); `line` is where the cell's source starts in the file now.
 */
export function errorLine(compiledFrom: Cell, line: number, error: unknown): number | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  const match =
    stack && new RegExp(`${sourceURL(compiledFrom).replace(/\./g, "\\.")}:(\\d+):\\d+`).exec(stack);
  return match ? line + Number(match[1]) - FUNCTION_PREAMBLE_LINES - 1 : undefined;
}

/**
 * Generates the cell's definition function. References are turned into parameters (`viewof x` → `viewof$x`,
 * `mutable x` → `mutable$x.value`), and the text before the body is kept as blank space so that line numbers
 * in stack traces are the cell's own.
 */
export function createDefinition(cell: Cell, parsed: ParsedCell): {definition: Definition; inputs: string[]} {
  const parameters = new Map<string, string>(); // input name → parameter name
  for (const reference of parsed.references) parameters.set(inputName(reference), parameterName(reference));
  let body: string;
  if (cell.mode !== "ojs") {
    parameters.set(cell.mode, cell.mode); // the md or html template tag
    body = `{ return (${templateSource(cell.mode, cell.source, parsed.body as TemplateLiteral, parsed.references)}\n) }`;
  } else if (parsed.body === null) {
    body = "{}";
  } else {
    const padding = cell.source.slice(0, parsed.body.start).replace(/[^\n]/g, " ");
    const text = rewrite(cell.source, parsed.body, parsed.references);
    body = parsed.body.type === "BlockStatement" ? `${padding}${text}` : `{ return (${padding}${text}\n) }`;
  }
  const keyword = `${parsed.async ? "async " : ""}function${parsed.generator ? "*" : ""}`;
  // Strict, as cells are in Observable (modules): `this` is undefined on a cell's first run, not globalThis.
  const code = `"use strict"; return (${keyword}(${[...parameters.values()].join(", ")}) ${body})\n//# sourceURL=${sourceURL(cell)}`;
  const definition = new Function(code)() as Definition;
  return {definition, inputs: [...parameters.keys()]};
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

/** The source of `node` with the view and mutable references inside it replaced. */
function rewrite(source: string, node: Node, references: readonly Reference[]): string {
  let text = "";
  let index = node.start;
  const inside = references.filter(
    (r) => r.type !== "Identifier" && r.start >= node.start && r.end <= node.end
  );
  for (const reference of inside.sort((a, b) => a.start - b.start)) {
    text += source.slice(index, reference.start);
    text +=
      reference.type === "MutableExpression" ? `${parameterName(reference)}.value` : parameterName(reference);
    index = reference.end;
  }
  return text + source.slice(index, node.end);
}

/** A Markdown or HTML cell as a tagged template: md`…${expression}…`, its raw text escaped for a template. */
function templateSource(
  tag: string,
  source: string,
  template: TemplateLiteral,
  references: readonly Reference[]
): string {
  let text = `${tag}\``;
  template.quasis.forEach((quasi, i) => {
    text += quasi.value.raw.replace(/[\\`$]/g, "\\$&"); // the tag then receives the text exactly as written
    const expression = template.expressions[i];
    if (expression) text += `\${${rewrite(source, expression, references)}}`;
  });
  return `${text}\``;
}
