import type {NotebookPlugin} from "../plugin.ts";
import type {BuiltinsOptions} from "../stdlib/builtins.ts";
import {createBuiltins} from "../stdlib/builtins.ts";
import {createFileAttachment} from "../stdlib/file-attachment.ts";
import {attachmentHref, notebookUrlResolver} from "../stdlib/file-source.ts";
import {pageImporter} from "../stdlib/import-module.ts";
import {pageDataLoader} from "../loaders/page-loader.ts";
import {inlinedFiles} from "./inlined-files.ts";

/**
 * The builtins of a notebook page, with the plugins': `FileAttachment("data/x.csv")` fetches relative to
 * `pageUrl`.
 */
export function pageBuiltins(
  pageUrl: string,
  plugins: readonly NotebookPlugin[] = [],
  imports: Readonly<Record<string, () => Promise<unknown>>> = {},
  trimmed: BuiltinsOptions["trimmed"] = {}
): Readonly<Record<string, unknown>> {
  const fileAttachment = createFileAttachment(inlinedFiles(notebookUrlResolver(pageUrl)));
  return createBuiltins({
    fileAttachment,
    dataLoader: pageDataLoader(fileAttachment),
    // duckdb-wasm, imported (and its worker and module fetched) only when a SQL cell first runs.
    sqlEngine: () =>
      import("../sql/duckdb-wasm.ts").then(({createWasmDuckDB}) =>
        createWasmDuckDB((name) => new URL(attachmentHref(name), pageUrl).href)
      ),
    plugins,
    trimmed,
    // Imported here, not by the stdlib module Node shares: Vite bundles the stylesheet and the fonts it names
    // into the site, and loads them only with `tex`.
    styles: {katex: () => import("katex/dist/katex.min.css")},
    // The modules the page's cells import, bundled with the page; anything else as the page would load it.
    importModule: async (specifier) => {
      const load = imports[specifier];
      if (!load) return pageImporter(specifier);
      return (await load()) as Record<string, unknown>;
    }
  });
}
