import type {Plugin} from "vite";

// What a single-file build learns from the bundler about the files it wrote: which chunk imports which
// (statically or with import()), which stylesheets and files (wasm, fonts, workers) a chunk names, and which
// module each lazily loaded chunk and each worker was built from. The pages are cut from this graph
// (page-files.ts); the chunks' text is only scanned for the names it must rewrite (asset-refs.ts).

/** One JavaScript chunk of the bundle, named by its file in assets/. */
export interface GraphChunk {
  /** The modules it holds; the first is the one import() loads, when it is a dynamic entry. */
  readonly modules: readonly string[];
  /** The module import() of this chunk loads, when it is one's target (`facadeModuleId`). */
  readonly facade?: string;
  /** Chunks it imports statically. */
  readonly imports: readonly string[];
  /** Chunks it loads with import(). */
  readonly dynamicImports: readonly string[];
  /** Stylesheets and other files it names (`new URL(…, import.meta.url)`, a worker, a `?url` import). */
  readonly files: readonly string[];
}

/** The bundle as the single-file build reads it; every name is a file of assets/, without the folder. */
export interface BundleGraph {
  readonly chunks: ReadonlyMap<string, GraphChunk>;
  /** Each worker's file → the module it was bundled from. */
  readonly workers: ReadonlyMap<string, string>;
  /** Each other file's name → its name before the build hashed it (`words-50k-Bq….bin` → `words-50k.bin`). */
  readonly sources: ReadonlyMap<string, string>;
}

interface ViteChunkMetadata {
  readonly importedCss?: ReadonlySet<string>;
  readonly importedAssets?: ReadonlySet<string>;
}

const inAssets = (fileName: string) => fileName.replace(/^assets\//, "");

/**
 * The plugins that record the bundle's graph into `graph` as the build writes it: `main` for the pages'
 * bundle, `worker` for each worker's own (Vite bundles workers apart and copies them in as files).
 */
export function bundleGraphPlugins(): {main: Plugin; worker: () => Plugin; graph: BundleGraph} {
  const chunks = new Map<string, GraphChunk>();
  const workers = new Map<string, string>();
  const sources = new Map<string, string>();
  return {
    graph: {chunks, workers, sources},
    main: {
      name: "phoenix-notebook-single-file-graph",
      generateBundle(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== "chunk") {
            const source = file.names[0];
            if (source !== undefined) sources.set(inAssets(file.fileName), source);
            continue;
          }
          const meta = (file as {viteMetadata?: ViteChunkMetadata}).viteMetadata;
          chunks.set(inAssets(file.fileName), {
            modules: file.moduleIds,
            ...(file.facadeModuleId ? {facade: file.facadeModuleId} : {}),
            imports: file.imports.map(inAssets),
            dynamicImports: file.dynamicImports.map(inAssets),
            files: [...(meta?.importedCss ?? []), ...(meta?.importedAssets ?? [])].map(inAssets)
          });
        }
      }
    },
    worker: () => ({
      name: "phoenix-notebook-single-file-worker-graph",
      generateBundle(_options, bundle) {
        for (const file of Object.values(bundle))
          if (file.type === "chunk" && file.isEntry && file.facadeModuleId)
            workers.set(inAssets(file.fileName), file.facadeModuleId);
      }
    })
  };
}
