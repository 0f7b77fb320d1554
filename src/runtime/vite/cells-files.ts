import {basename, posix} from "node:path";
import type {HtmlTagDescriptor, Rollup} from "vite";
import {compiledCellsModule} from "../compile/ahead.ts";
import type {Notebook} from "../notebook/types.ts";

/**
 * The compiled cells modules of a build's pages (compile/ahead.ts): each emitted as a file of its own, which
 * the bundler never minifies (its line table must hold in the page), and preloaded by its page, whose client
 * imports it by URL once it runs.
 */
export class CellsFiles {
  // By page path: the bundler's reference to the file, then (once the bundle is written) its name.
  readonly #references = new Map<string, string>();
  readonly #names = new Map<string, string>();

  /** Emits the page's cells module; returns the reference its client module imports it by. */
  emit(context: Rollup.PluginContext, page: string, notebook: Notebook): string {
    const reference = context.emitFile({
      type: "asset",
      name: `${basename(page, ".html")}.cells.js`,
      source: compiledCellsModule(notebook)
    });
    this.#references.set(page, reference);
    return reference;
  }

  /** Learns the files' names, in generateBundle (before the pages' HTML is written). */
  named(context: Rollup.PluginContext): void {
    for (const [page, reference] of this.#references) this.#names.set(page, context.getFileName(reference));
  }

  /** The `<link rel="modulepreload">` of the page's cells module, relative to the page; none for another page. */
  preload(page: string): HtmlTagDescriptor[] {
    const file = this.#names.get(page);
    if (file === undefined) return [];
    const href = posix.relative(posix.dirname(page), file);
    const attrs = {rel: "modulepreload", crossorigin: true, href: href.startsWith(".") ? href : `./${href}`};
    return [{tag: "link", attrs, injectTo: "head"}];
  }
}
