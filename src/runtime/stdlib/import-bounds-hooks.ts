// Node's module customization hooks (module.register) of the runner: what a module of a notebook's folder
// imports stays within that folder, dotfiles never, as in a page (module-bounds.ts). A cell's own import is
// checked by nodeImporter; these hooks see the modules it loads, and what they import in turn.
import {relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {isUnder, moduleRefusal} from "./module-bounds.ts";

/** What nodeImporter registers the hooks with. */
export interface BoundsHooksData {
  /** The notebook's folder, a real path. */
  readonly root: string;
  /** The notebook's file name, for the messages (a thread runs one notebook: the first to import a module). */
  readonly notebook: string;
}

interface ResolveContext {
  readonly parentURL?: string;
}
interface Resolved {
  readonly url: string;
}
type NextResolve = (specifier: string, context: ResolveContext) => Promise<Resolved>;

// The folders of the notebooks this thread runs (one registration each), and the notebook of each.
const roots = new Map<string, string>();
// This package's own code (src/, or dist/ installed): a notebook's folder may hold it; its imports are not the notebook's.
const codeRoot = fileURLToPath(new URL("../../", import.meta.url)).replace(/[\\/]$/, "");

export function initialize(data: BoundsHooksData): void {
  if (!roots.has(data.root)) roots.set(data.root, data.notebook);
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: NextResolve
): Promise<Resolved> {
  const resolved = await nextResolve(specifier, context);
  const importer = fileOf(context.parentURL);
  const root = importer === undefined ? undefined : rootOf(importer);
  if (importer === undefined || root === undefined) return resolved;
  const why = moduleRefusal(root, specifier, fileOf(resolved.url));
  if (why === undefined) return resolved;
  const module = relative(root, importer).split(sep).join("/");
  throw new Error(`${roots.get(root)}: ${module} cannot import "${specifier}": ${why}`);
}

// The notebook folder whose own module `file` is (Node gives a module's real path): none for a package's
// (node_modules) or this package's.
function rootOf(file: string): string | undefined {
  if (isUnder(codeRoot, file)) return undefined;
  for (const root of roots.keys())
    if (isUnder(root, file) && !relative(root, file).split(sep).includes("node_modules")) return root;
  return undefined;
}

const fileOf = (url: string | undefined) => (url?.startsWith("file:") ? fileURLToPath(url) : undefined);
