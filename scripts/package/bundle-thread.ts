// The runner's notebook thread, as the package ships it, is one module rather than the seventy-odd it is
// compiled to: every `phoenix-notebook run` starts a worker thread that loads it, and Node's ES module loader
// pays per module (resolve, read, link) in each thread. Bundled, a one-cell notebook starts ~40 ms sooner and
// peaks ~6 MB lower (bench/runner). What the thread shares with the plugins it loads stays a separate module,
// so that both see one instance of it (the worker hosts a plugin installs are the ones its tasks run on).
import {readFile} from "node:fs/promises";
import {isAbsolute, join} from "node:path";
import {fileURLToPath} from "node:url";
import {rolldown, type Plugin} from "rolldown";

const RESOLVE_FROM = fileURLToPath(import.meta.url);

// The packages the thread inlines: the parser and the reactive runtime it alone uses. Every other package stays
// an import, resolved from the package as before (one copy of Arrow, d3, lit for cells and plugins alike).
const INLINED_PACKAGE = /^(@observablehq\/(parser|runtime)|acorn|acorn-walk)(\/|$)/;

/** What a set of modules reaches: our modules by path, and the packages they import by name. */
interface Reach {
  readonly modules: Set<string>;
  readonly packages: Set<string>;
}

const packageName = (specifier: string) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
const isBare = (specifier: string) => !specifier.startsWith(".") && !isAbsolute(specifier);

/** The modules of ours reachable from `entries` (absolute paths), statically or dynamically, and the packages. */
async function reachable(entries: readonly string[]): Promise<Reach> {
  const packages = new Set<string>();
  const recordPackages: Plugin = {
    name: "phoenix-notebook:record-packages",
    resolveId(source) {
      if (!isBare(source)) return null;
      if (!source.startsWith("node:")) packages.add(packageName(source));
      return {id: source, external: true};
    }
  };
  const build = await rolldown({
    input: [...entries],
    platform: "node",
    logLevel: "silent",
    plugins: [recordPackages]
  });
  try {
    const {output} = await build.generate({format: "esm"});
    const modules = new Set(output.flatMap((item) => (item.type === "chunk" ? item.moduleIds : [])));
    return {modules, packages};
  } finally {
    await build.close();
  }
}

/**
 * Replaces `dist`'s runtime/headless/notebook-thread.js with a bundle of it. Kept as imports: Node's
 * builtins; every package but the parser and runtime; whatever is imported dynamically (it loads only when a
 * notebook needs it, as before); modules that find files relative to where they are; and every module (and
 * package) that the modules kept separate, the bindings (the plugins the runner passes) or the runtime's worker
 * layer reach: plugin, thread and what they load later must share one instance of each, with its state (the
 * worker hosts a plugin installs, the TypeScript compiler typescript-node.ts installs).
 */
export async function bundleNotebookThread(dist: string): Promise<void> {
  const entry = join(dist, "runtime", "headless", "notebook-thread.js");
  const roots = new Set([
    join(dist, "bindings", "node.js"),
    join(dist, "runtime", "worker", "index.js"),
    join(dist, "runtime", "plugin.js")
  ]);
  // What is kept separate grows the set that must be shared, which can keep more separate: to a fixed point.
  for (;;) {
    const shared = await reachable([...roots]);
    const separate = new Set<string>();
    const build = await rolldown({
      input: entry,
      platform: "node",
      logLevel: "warn",
      plugins: [keepSeparate(shared, separate)]
    });
    try {
      await build.generate({format: "esm"}); // resolves every import, recording what it keeps separate
      if ([...separate].some((id) => !roots.has(id))) {
        for (const id of separate) roots.add(id);
        continue;
      }
      // Written over the compiled entry, in its place: the imports kept stay relative to the same folder.
      const {output} = await build.write({file: entry, format: "esm"});
      if (output.length !== 1)
        throw new Error(`the notebook thread bundled into ${output.length} files, not one`);
      return;
    } finally {
      await build.close();
    }
  }
}

// A module that finds other files from where it is: by import.meta.url, or by a specifier computed at run
// time (tsc wraps each in __rewriteRelativeImportExtension). Moved into the bundle, it would look elsewhere.
const locatesByItself = async (id: string) =>
  /import\.meta|__rewriteRelativeImportExtension\(/.test(await readFile(id, "utf8"));

/** The resolver of the thread's bundle; records in `separate` the modules of ours it keeps as imports. */
function keepSeparate(shared: Reach, separate: Set<string>): Plugin {
  return {
    name: "phoenix-notebook:thread-externals",
    async resolveId(source, importer, extra) {
      if (source.startsWith("node:")) return {id: source, external: true};
      if (importer === undefined) return null;
      if (isBare(source)) {
        const inline = INLINED_PACKAGE.test(source) && !shared.packages.has(packageName(source));
        // A package is resolved from this repository: the package may be built into a folder of its own.
        return inline
          ? this.resolve(source, RESOLVE_FROM, {...extra, skipSelf: true})
          : {id: source, external: true};
      }
      const resolved = await this.resolve(source, importer, {...extra, skipSelf: true});
      if (!resolved) return null;
      const keep =
        extra.kind === "dynamic-import" ||
        shared.modules.has(resolved.id) ||
        (await locatesByItself(resolved.id));
      if (!keep) return resolved;
      separate.add(resolved.id);
      return {id: resolved.id, external: true};
    }
  };
}
