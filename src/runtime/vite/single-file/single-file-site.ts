import {mkdir, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {inlinePage, type SinglePageInput, type SingleSite} from "./inline-page.ts";
import type {LazyModule} from "./lazy-module.ts";

/** Options of `build --single-file`. */
export interface SingleFileOptions {
  /** The largest page written, bytes; a larger one stops the build (see SingleFileTooLarge). */
  readonly maxBytes: number;
  /**
   * The modules of the page plugins that a page loads on first use, with what loads them (Phoenix's `px`,
   * `phx` and its worker): a page carries one only when its cells can ask for it. Default: none (a plugin's
   * lazily loaded modules then ride in every page).
   */
  readonly lazyModules?: readonly LazyModule[];
}

/** A page that would exceed `--max-size`: the build writes nothing. */
export class SingleFileTooLarge extends Error {
  constructor(
    readonly page: string,
    readonly bytes: number,
    readonly maxBytes: number
  ) {
    super(
      `${page}: the single file would be ${megabytes(bytes)} MB, over the limit of ${megabytes(maxBytes)} MB (--max-size MB raises it)`
    );
    this.name = "SingleFileTooLarge";
  }
}

// Three significant digits: a limit of 0.01 MB reads as such, not as "0 MB".
const megabytes = (bytes: number) => String(Number((bytes / 1e6).toPrecision(3)));

/**
 * Writes each page of the built site at `site` as one self-contained HTML file into `outDir` (same path),
 * and nothing else. Every page is made before any is written: one over the limit writes none.
 */
export async function writeSingleFiles(
  pages: readonly Omit<SinglePageInput, "site">[],
  site: string,
  outDir: string,
  {maxBytes}: SingleFileOptions,
  bundle: SingleSite
): Promise<void> {
  const made: {page: string; html: Buffer}[] = [];
  for (const page of pages) {
    const html = Buffer.from(await inlinePage({...page, site}, bundle));
    if (html.byteLength > maxBytes) throw new SingleFileTooLarge(page.page, html.byteLength, maxBytes);
    made.push({page: page.page, html});
  }
  for (const {page, html} of made) {
    const target = join(outDir, ...page.split("/"));
    await mkdir(dirname(target), {recursive: true});
    await writeFile(target, html);
  }
}
