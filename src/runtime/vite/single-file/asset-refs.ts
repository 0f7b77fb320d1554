// How a built chunk names the other files of `assets/`, and how the single-file page rewrites those names. A
// blob: URL has no folder, so `./x.js` or `new URL("x.wasm", import.meta.url)` cannot resolve against the
// blob: URL a chunk runs from; each such name becomes either a placeholder the page swaps for the file's blob:
// URL before it creates the chunk's blob (a static import, a url() in CSS: they must be literal) or a call
// that returns the blob: URL when the code runs (everything else: import(), new URL, a preload list).

/** The placeholder for a file's blob: URL in a static import or a stylesheet (the page replaces it). */
export const STATIC_PREFIX = "phx-single:";
/** The global the page (and each worker it starts from a chunk) defines: file name → blob: URL. */
export const LOOKUP = "__phxSingle";

/** A file's references to other files of assets/, found by name (the build's names are hashed: unique). */
export interface AssetRefs {
  /** The text with each reference rewritten (see above). */
  readonly text: string;
  /** The names it references, each once, in order. */
  readonly refs: readonly string[];
  /** The names it references as `new URL(name, …)` (a worker's script is referenced so). */
  readonly urlRefs: readonly string[];
}

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternation = (names: Iterable<string>) =>
  [...names]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

/** Rewrites the names of `names` that a JavaScript chunk holds as whole string literals (`"./x.js"`, `` `x.wasm` ``). */
export function rewriteScript(text: string, names: ReadonlySet<string>): AssetRefs {
  if (names.size === 0) return {text, refs: [], urlRefs: []};
  const refs = new Set<string>();
  const urlRefs = new Set<string>();
  const pattern = new RegExp(`(["'\`])(?:\\./)?(${alternation(names)})\\1`, "g");
  const rewritten = text.replace(pattern, (literal, quote: string, name: string, offset: number) => {
    refs.add(name);
    // A static import or re-export: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
    if (/(?:\bfrom|\bimport)\s*$/.test(text.slice(Math.max(0, offset - 12), offset)))
      return `${quote}${STATIC_PREFIX}${name}${quote}`;
    // `new Worker(new URL("w.js", import.meta.url))`, as Vite writes a worker's URL (also a ?url import's).
    if (/\bnew URL\(\s*$/.test(text.slice(Math.max(0, offset - 12), offset))) urlRefs.add(name);
    return `globalThis.${LOOKUP}(${JSON.stringify(name)})`;
  });
  return {text: rewritten, refs: [...refs], urlRefs: [...urlRefs]};
}

/** Rewrites the `url(…)` of a stylesheet that name files of `names` (KaTeX's fonts) into placeholders. */
export function rewriteStyle(text: string, names: ReadonlySet<string>): AssetRefs {
  if (names.size === 0) return {text, refs: [], urlRefs: []};
  const refs = new Set<string>();
  const pattern = new RegExp(`url\\(\\s*(["']?)(?:\\./)?(${alternation(names)})\\1\\s*\\)`, "g");
  const rewritten = text.replace(pattern, (_, _quote: string, name: string) => {
    refs.add(name);
    return `url(${STATIC_PREFIX}${name})`;
  });
  return {text: rewritten, refs: [...refs], urlRefs: []};
}
