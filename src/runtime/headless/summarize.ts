import {errorText, typeName} from "../error-text.ts";

/** A JSON-safe stand-in for a value that JSON cannot hold as it is. */
export type JsonValue = null | boolean | number | string | JsonValue[] | {[key: string]: JsonValue};

const MAX_TEXT = 200;
const MAX_ITEMS = 20;

/**
 * The value of a cell as JSON: plain numbers, strings, booleans and arrays of them as they are; everything else
 * summarized (a DOM node by its text, a table by its shape, a typed array by its type and length). A value
 * whose own code throws when it is read (a toJSON, a getter, a revoked proxy) is named by its type, with why.
 */
export function toJson(value: unknown, depth = 0): JsonValue {
  try {
    return summarize(value, depth);
  } catch (error) {
    return {type: typeName(value), note: `could not be summarized: ${errorText(error)}`};
  }
}

function summarize(value: unknown, depth: number): JsonValue {
  switch (typeof value) {
    case "undefined":
      return null;
    case "boolean":
    case "string":
      return value;
    case "number":
      return Number.isFinite(value) ? value : String(value);
    case "bigint":
      return value.toString();
    case "symbol":
      return value.toString();
    case "function":
      return {type: "function", name: value.name || null};
  }
  if (value === null) return null;
  // The standard JSON protocol: a value that knows how to summarize itself (a Dataset does) is taken at its word.
  if (typeof (value as {toJSON?: unknown}).toJSON === "function" && !(value instanceof Date)) {
    const json = (value as {toJSON(): unknown}).toJSON();
    if (json !== value && typeof (json as {toJSON?: unknown})?.toJSON !== "function")
      return toJson(json, depth);
  }
  if (isPlainArray(value)) return value as JsonValue[];
  if (value instanceof Date) return Number.isNaN(+value) ? "Invalid Date" : value.toISOString();
  if (ArrayBuffer.isView(value))
    return {
      type: value.constructor.name,
      length: (value as unknown as ArrayLike<unknown>).length ?? value.byteLength
    };
  if (isNode(value))
    return {type: "element", tag: value.nodeName.toLowerCase(), text: truncate(visibleText(value))};
  if (isTable(value))
    return {type: "Table", rows: value.numRows, columns: value.schema.fields.map((f) => f.name)};
  if (value instanceof Error) return {type: value.name, message: value.message};
  if (value instanceof Map) return {type: "Map", size: value.size};
  if (value instanceof Set) return {type: "Set", size: value.size};
  if (Array.isArray(value)) {
    if (depth > 0) return {type: "Array", length: value.length};
    const items = value.slice(0, MAX_ITEMS).map((item) => toJson(item, depth + 1));
    return value.length > MAX_ITEMS ? {type: "Array", length: value.length, head: items.slice(0, 3)} : items;
  }
  if (isPlainObject(value) && depth <= 1) {
    const entries = Object.entries(value).slice(0, MAX_ITEMS);
    return Object.fromEntries(entries.map(([key, item]) => [key, toJson(item, depth + 1)]));
  }
  return {type: (value as object).constructor?.name ?? "Object"};
}

/** One short line describing a cell's value as `toJson` gave it, for the runner's report. */
export function describeJson(json: JsonValue): string {
  if (isSummary(json, "Array") && Array.isArray(json["head"])) {
    return truncate(`Array(${String(json["length"])}) ${JSON.stringify(json["head"])}`);
  }
  if (isSummary(json, "element")) return truncate(`<${String(json["tag"])}> ${String(json["text"])}`);
  return truncate(JSON.stringify(json));
}

function isSummary(json: JsonValue, type: string): json is {[key: string]: JsonValue} {
  return typeof json === "object" && json !== null && !Array.isArray(json) && json["type"] === type;
}

// The text a reader sees, once: style sheets and scripts (Plot puts a <style> in its figures), an SVG's
// tooltips (Graphviz titles every node and edge) and what is hidden from assistive technology (KaTeX's drawing
// of the formula its MathML reads) are not part of it. A formula's text would flatten it (E = mc² reads
// "E=mc2"), so MathML that carries its TeX source (KaTeX's does) reads as that source.
function visibleText(node: DomNode): string {
  if (node.nodeType === 3) return node.textContent ?? "";
  if (node.nodeType !== 1 && node.nodeType !== 11) return "";
  if (/^(style|script|title|annotation)$/i.test(node.nodeName)) return "";
  if (node.getAttribute?.("aria-hidden") === "true") return "";
  if (/^semantics$/i.test(node.nodeName)) {
    for (const child of node.childNodes)
      if (/^annotation$/i.test(child.nodeName) && child.getAttribute?.("encoding") === "application/x-tex")
        return ` ${child.textContent ?? ""} `;
  }
  let text = "";
  for (const child of node.childNodes) text += visibleText(child);
  return /^(p|div|h\d|li|tr|figure|figcaption|br|text)$/i.test(node.nodeName) ? ` ${text} ` : text;
}

function isPlainArray(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length <= 10_000 &&
    value.every((item) => item === null || ["number", "string", "boolean"].includes(typeof item)) &&
    value.every((item) => typeof item !== "number" || Number.isFinite(item))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  getAttribute?(name: string): string | null;
  childNodes: ArrayLike<DomNode> & Iterable<DomNode>;
}

function isNode(value: unknown): value is DomNode {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as {nodeType?: unknown}).nodeType === "number"
  );
}

function isTable(value: unknown): value is {numRows: number; schema: {fields: {name: string}[]}} {
  const table = value as {numRows?: unknown; schema?: {fields?: unknown}};
  return typeof table.numRows === "number" && Array.isArray(table.schema?.fields);
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}
