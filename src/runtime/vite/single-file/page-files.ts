import type {BundleGraph} from "./bundle-graph.ts";
import type {LazyModule} from "./lazy-module.ts";
import type {PageUse} from "./page-use.ts";

/** What pageFiles walks from. */
export interface PageRoots {
  /** The page's module script (its file in assets/). */
  readonly entry: string;
  /** The stylesheets the page links. */
  readonly styles: readonly string[];
}

/** How pageFiles sees the bundle. */
export interface PageFilesContext {
  readonly graph: BundleGraph;
  /** The names a file that is no chunk (a stylesheet, a worker) holds in its text (asset-refs.ts). */
  readonly textRefs: (name: string) => readonly string[];
  /** The modules loaded on first use, each with what loads it (the runtime's and the plugins'). */
  readonly lazy: readonly LazyModule[];
  /** The page's use of them. */
  readonly use: PageUse;
}

/**
 * The files of assets/ a page can load, in a stable order: its entry, what that imports, and of the lazily
 * loaded chunks and workers only those its cells can ask for.
 *
 * The chunks a page loads before its cells run (the entry and its static imports) hold every builtin's
 * loader, so each import() and worker they name is followed only when no LazyModule claims its target or one
 * that does holds for the page. What a lazily loaded chunk names is followed whole (it loads only once a cell
 * asked for it), but for the files a LazyModule claims by name, which are followed from anywhere only when
 * one of those claims holds. Chunks are followed by the bundler's graph, not by the names in their text (the entry's
 * preload list names every chunk); stylesheets and workers, which the bundle graph does not open, by their text.
 */
export function pageFiles(roots: PageRoots, context: PageFilesContext): Set<string> {
  const {graph} = context;
  const eager = staticClosure(roots.entry, graph);
  const reached = new Set<string>();
  const todo = [roots.entry, ...roots.styles];
  while (todo.length > 0) {
    const name = todo.shift()!;
    if (reached.has(name)) continue;
    reached.add(name);
    const chunk = graph.chunks.get(name);
    const named = !chunk
      ? context.textRefs(name)
      : eager.has(name)
        ? [...chunk.imports, ...[...chunk.dynamicImports, ...chunk.files].filter((to) => wanted(to, context))]
        : [...chunk.imports, ...chunk.dynamicImports, ...chunk.files, ...context.textRefs(name)];
    todo.push(...named.filter((to) => fileWanted(to, context)));
  }
  return reached;
}

// The entry and the chunks it imports statically: what the page loads before any cell runs.
function staticClosure(entry: string, graph: BundleGraph): Set<string> {
  const closure = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const name = todo.pop()!;
    if (closure.has(name)) continue;
    closure.add(name);
    todo.push(...(graph.chunks.get(name)?.imports ?? []));
  }
  return closure;
}

// A lazily loaded file, named by an eager chunk, is wanted unless every LazyModule claiming it fails the page.
function wanted(name: string, {graph, lazy, use}: PageFilesContext): boolean {
  const chunk = graph.chunks.get(name);
  const worker = graph.workers.get(name);
  // A chunk is what import() loads: its facade module; one without (shared code) is claimed by what it holds.
  const modules = chunk ? (chunk.facade ? [chunk.facade] : chunk.modules) : worker ? [worker] : [];
  const claims = lazy.filter((claim) => "module" in claim && modules.some((id) => claim.module.test(id)));
  return claims.length === 0 || claims.some(({when}) => when(use));
}

// A file named anywhere is wanted unless every LazyModule claiming its source name fails the page.
function fileWanted(name: string, {graph, lazy, use}: PageFilesContext): boolean {
  const source = graph.sources.get(name);
  if (source === undefined) return true;
  const claims = lazy.filter((claim) => "file" in claim && claim.file.test(source));
  return claims.length === 0 || claims.some(({when}) => when(use));
}
