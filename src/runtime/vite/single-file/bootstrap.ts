import {INLINED_FILE_URL} from "../../client/inlined-files.ts";
import {LOOKUP, STATIC_PREFIX} from "./asset-refs.ts";

/** The type of the inert <script> blocks that hold a single-file page's files, base64. */
export const FILE_BLOCK_TYPE = "application/x-phoenix-notebook-file";

/**
 * The one inline script of a single-file page (its hash is in the page's policy). It reads the files the page
 * carries (inert <script type="application/x-phoenix-notebook-file"> blocks, base64, decoded when first used),
 * serves them as blob: URLs, answers `fetch` for the attachments and baked files the page would have fetched
 * beside it, gives the page's FileAttachment a blob: URL for each file it carries (client/inlined-files.ts),
 * loads the stylesheets and imports the entry chunk.
 *
 * Blocks with `data-name` are files of assets/ (`data-refs`: the names their text references, rewritten by
 * asset-refs.ts; `data-worker`: started as a Web Worker, so it brings its own lookup); blocks with `data-path`
 * are files beside the page, by path relative to it.
 */
export function bootstrapScript(entry: string, styles: readonly string[]): string {
  return `(() => {
"use strict";
const blocks = new Map(), files = new Map(), bytes = new Map(), urls = new Map(), making = new Set();
// A file beside the page by one form of its URL: no fragment, each path segment encoded as encodeURIComponent
// does, so "a+b.csv" (a cell's fetch) and "a%2Bb.csv" (FileAttachment's URL) name the same file.
const fileKey = (href) => {
  const url = new URL(href, location.href);
  url.hash = "";
  url.pathname = url.pathname.split("/").map((segment) => {
    try { return encodeURIComponent(decodeURIComponent(segment)); } catch { return segment; }
  }).join("/");
  return url.href;
};
for (const block of document.querySelectorAll('script[type="${FILE_BLOCK_TYPE}"]')) {
  if (block.dataset.name !== undefined) blocks.set(block.dataset.name, block);
  else files.set(fileKey(block.dataset.path), block);
}
const decode = (block) => {
  let data = bytes.get(block);
  if (data) return data;
  const text = block.textContent.trim();
  if (Uint8Array.fromBase64) data = Uint8Array.fromBase64(text);
  else {
    const binary = atob(text);
    data = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
  }
  bytes.set(block, data);
  return data;
};
const refsOf = (block) => (block.dataset.refs ? block.dataset.refs.split(" ") : []);
// A file the build left out (duckdb-wasm's bundle for browsers without WebAssembly exceptions, say) gets a URL
// that fails when used, naming the file, instead of failing every chunk that names it. Scripts and styles are
// served as blob: URLs (chunks import each other through them); every other file as a data: URL, which a
// worker can fetch too (from file://, a worker cannot read this page's blob: URLs).
const scripts = new Set();
const isCode = (block) => block.dataset.refs !== undefined;
const url = (name) => {
  let href = urls.get(name);
  if (href !== undefined) return href;
  const block = blocks.get(name);
  if (!block) return "phx-single-missing:" + name;
  if (!isCode(block)) href = "data:" + block.dataset.type + ";base64," + block.textContent.trim();
  else {
    if (making.has(name)) throw new Error(name + ": static imports in a cycle cannot be served as blob: URLs");
    making.add(name);
    let text = new TextDecoder().decode(decode(block));
    text = text.replace(/${STATIC_PREFIX}([\\w.~-]+)/g, (_, dep) => url(dep));
    if (block.dataset.worker !== undefined) text = workerLookup(name) + text;
    making.delete(name);
    href = URL.createObjectURL(new Blob([text], {type: block.dataset.type}));
    scripts.add(href);
  }
  urls.set(name, href);
  return href;
};
// A worker (one classic script, bundled whole for a single file) has no access to this page's lookup: its
// script starts with one holding the data: URLs of the files it names.
const workerLookup = (entry) => {
  const table = {};
  for (const name of refsOf(blocks.get(entry))) {
    const block = blocks.get(name);
    if (block && !isCode(block)) table[name] = url(name);
  }
  return "self.${LOOKUP} = ((table) => (name) => table[name] ?? 'phx-single-missing:' + name)(" + JSON.stringify(table) + ");\\n";
};
// From file://, only a classic worker starts from a blob: URL; the single-file build bundles workers as such.
const PageWorker = globalThis.Worker;
globalThis.Worker = class Worker extends PageWorker {
  constructor(url, options) {
    super(url, scripts.has(String(url)) ? {...options, type: "classic"} : options);
  }
};
globalThis.${LOOKUP} = url;
// A file beside the page, by its absolute URL: one blob: URL each, made when a cell first names the file.
const fileUrls = new Map();
globalThis.${INLINED_FILE_URL} = (href) => {
  const key = fileKey(href);
  const block = files.get(key);
  if (!block) return undefined;
  let blobUrl = fileUrls.get(key);
  if (blobUrl === undefined) {
    blobUrl = URL.createObjectURL(new Blob([decode(block)], {type: block.dataset.type}));
    fileUrls.set(key, blobUrl);
  }
  return blobUrl;
};
const pageFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (input, init) => {
  const block = files.get(fileKey(input instanceof Request ? input.url : String(input)));
  if (!block) return pageFetch(input, init);
  return Promise.resolve(new Response(decode(block).slice(), {status: 200, headers: {"content-type": block.dataset.type}}));
};
for (const style of ${JSON.stringify(styles)}) {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = url(style);
  document.head.append(link);
}
import(url(${JSON.stringify(entry)}));
})();`;
}
