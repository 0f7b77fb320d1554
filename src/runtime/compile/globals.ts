// The names @observablehq/parser 6.1 treats as JavaScript globals rather than references to cells
// (its src/globals.js, which it does not export).
const PARSER_GLOBALS: readonly string[] = [
  "Array",
  "ArrayBuffer",
  "atob",
  "AudioContext",
  "Blob",
  "Boolean",
  "BigInt",
  "btoa",
  "clearInterval",
  "clearTimeout",
  "console",
  "crypto",
  "CustomEvent",
  "DataView",
  "Date",
  "decodeURI",
  "decodeURIComponent",
  "devicePixelRatio",
  "document",
  "encodeURI",
  "encodeURIComponent",
  "Error",
  "escape",
  "eval",
  "fetch",
  "File",
  "FileList",
  "FileReader",
  "Float32Array",
  "Float64Array",
  "Function",
  "Headers",
  "Image",
  "ImageData",
  "Infinity",
  "Int16Array",
  "Int32Array",
  "Int8Array",
  "Intl",
  "isFinite",
  "isNaN",
  "JSON",
  "Map",
  "Math",
  "NaN",
  "Number",
  "navigator",
  "Object",
  "parseFloat",
  "parseInt",
  "performance",
  "Path2D",
  "Promise",
  "Proxy",
  "RangeError",
  "ReferenceError",
  "Reflect",
  "RegExp",
  "cancelAnimationFrame",
  "requestAnimationFrame",
  "Set",
  "setInterval",
  "setTimeout",
  "String",
  "Symbol",
  "SyntaxError",
  "TextDecoder",
  "TextEncoder",
  "this",
  "TypeError",
  "Uint16Array",
  "Uint32Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "undefined",
  "unescape",
  "URIError",
  "URL",
  "WeakMap",
  "WeakSet",
  "WebSocket",
  "Worker",
  "window"
];

/**
 * The parser's globals that exist here. One that does not (`document`, `window`, `requestAnimationFrame` in
 * Node before a DOM is installed) becomes a reference like any other free name: the runtime resolves it when
 * the cell runs, where the headless runner installs the DOM on demand, instead of the cell throwing a
 * ReferenceError.
 */
export function presentGlobals(): Set<string> {
  return new Set(PARSER_GLOBALS.filter((name) => name === "this" || name in globalThis));
}

/** All of the parser's globals: a page has each of them, so cells compiled ahead for one keep them global. */
export function pageGlobals(): Set<string> {
  return new Set(PARSER_GLOBALS);
}
