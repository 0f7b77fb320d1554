import {fileURLToPath} from "node:url";
import {planNotebook} from "../compile/ahead.ts";
import {libraryMembers, TRIMMABLE_LIBRARIES, type TrimmableLibrary} from "../compile/library-members.ts";
import type {Notebook} from "../notebook/types.ts";

// A built page's Plot and d3 builtins, trimmed: per page, a virtual module re-exporting just the names its cells
// read (`export {dot, plot, ruleY} from "@observablehq/plot"`), which the bundler tree-shakes down to those.
// A page whose cells use a library some other way (`Plot[name]`, `d3` passed along) gets the whole package.
//
// The whole packages stay in every build (`require("d3")`, and a page that needs all of one), and d3 ships as
// one module per package (dist/d3-array.mjs): were the whole import's modules the same as everyone else's, all
// of their code would be kept for everyone. So the whole packages are a copy of their modules (ids suffixed,
// see wholeCopy), and the trimmed modules and the components share the originals, tree-shaken to what they use.

const WHOLE_SUFFIX = "phoenix-whole";

// The stdlib module whose `import("d3")` and `import("@observablehq/plot")` give the whole packages.
const WHOLE_IMPORTER = fileURLToPath(new URL("../stdlib/builtins.ts", import.meta.url));
const WHOLE_PACKAGES: readonly string[] = Object.values(TRIMMABLE_LIBRARIES);

// Named by the library and the notebook's path in hex, so that the bundler's chunk names stay plain.
const TRIMMED = /^\0phoenix-notebook-(Plot|d3)-([\da-f]+)\.js$/;

function trimmedId(library: TrimmableLibrary, file: string): string {
  return `\0phoenix-notebook-${library}-${Buffer.from(file).toString("hex")}.js`;
}

/** The library and the notebook a trimmed module's id names, or undefined for any other module. */
export function trimmedOf(id: string): {library: TrimmableLibrary; file: string} | undefined {
  const match = TRIMMED.exec(id);
  if (!match) return undefined;
  return {library: match[1] as TrimmableLibrary, file: Buffer.from(match[2]!, "hex").toString()};
}

/**
 * The `trimmed` option of startPage for the notebook at `file`, as the source of an object expression: a lazy
 * import of its trimmed module per library its cells read only by member; "{}" when none.
 */
export function trimmedExpression(file: string, notebook: Notebook): string {
  const uses = libraryMembers(planNotebook(notebook));
  const entries = Object.entries(uses).flatMap(([library, use]) =>
    use.kind === "members"
      ? [`${library}: () => import(${JSON.stringify(trimmedId(library as TrimmableLibrary, file))})`]
      : []
  );
  return `{${entries.join(", ")}}`;
}

const exported = new Map<TrimmableLibrary, Promise<Set<string>>>();

// The package's export names, read by importing it here (the build's Node): a name a cell reads that the
// package lacks is left out (the cell reads undefined, as it would from the whole package).
function exportsOf(library: TrimmableLibrary): Promise<Set<string>> {
  let names = exported.get(library);
  if (!names) {
    const load: Promise<Record<string, unknown>> =
      library === "Plot" ? import("@observablehq/plot") : import("d3");
    names = load.then((module) => new Set(Object.keys(module)));
    exported.set(library, names);
  }
  return names;
}

/** The trimmed module of `library` for `notebook`: its cells' names, re-exported from the package. */
export async function trimmedModule(library: TrimmableLibrary, notebook: Notebook): Promise<string> {
  const use = libraryMembers(planNotebook(notebook))[library];
  const present = await exportsOf(library);
  const names = use?.kind === "members" ? use.names.filter((name) => present.has(name)) : [];
  return `export {${names.join(", ")}} from ${JSON.stringify(TRIMMABLE_LIBRARIES[library])};\n`;
}

/**
 * Whether resolving `source` from `importer` gives a module of the whole packages' copy: the whole package the
 * builtins import, and whatever a module of the copy imports.
 */
export function resolvesIntoCopy(source: string, importer: string): boolean {
  return isWholeCopy(importer) || (importer === WHOLE_IMPORTER && WHOLE_PACKAGES.includes(source));
}

/** A matcher for the modules of the whole copy of `packageName` (a single file carries it only when used). */
export function wholeCopyOf(packageName: string): RegExp {
  const escaped = packageName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`/node_modules/${escaped}(?:-[\\w-]+)?/.*[?&]${WHOLE_SUFFIX}$`);
}

function isWholeCopy(id: string): boolean {
  return id.endsWith(`?${WHOLE_SUFFIX}`) || id.endsWith(`&${WHOLE_SUFFIX}`);
}

/** The id in the whole packages' copy of a module the bundler resolved (a virtual one stays as it is). */
export function wholeCopy(id: string): string {
  if (id.startsWith("\0") || isWholeCopy(id)) return id;
  return `${id}${id.includes("?") ? "&" : "?"}${WHOLE_SUFFIX}`;
}

/** The module a copy's import is resolved from: the original of `importer`. */
export function originalOf(importer: string): string {
  return importer.replace(new RegExp(`[?&]${WHOLE_SUFFIX}$`), "");
}
