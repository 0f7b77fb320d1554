import {mkdir, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {bakeNotebook} from "../bake/bake-notebook.ts";
import type {BakeManifest, BakedCell} from "../bake/types.ts";
import type {NotebookFile} from "./notebooks.ts";

/** Options of `build --bake`. */
export interface BakeOptions {
  /** URLs of modules whose default export is a NotebookPlugin for Node (Phoenix's src/bindings/node.ts). */
  readonly plugins: readonly string[];
  /** How long a notebook's cells may take to settle at build time, ms. Default: 120,000 (two minutes). */
  readonly timeoutMs?: number;
}

/** What baking a site's notebooks gave: each page's manifest, the files to write, and what was not baked. */
export interface SiteBakes {
  /** By page path (`digits-drift.html`): what the page embeds. */
  readonly manifests: ReadonlyMap<string, BakeManifest>;
  /** The Arrow files, by path in the site (`digits-drift.bake/15.arrow`). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly warnings: readonly string[];
}

/**
 * Runs each notebook headless, one after the other, and keeps the values of its expensive cells (and of those
 * marked `bake`) for a page `x.html` as `x.bake/<cell id>.arrow` beside it (`<cell id>-<n>.arrow` for the nth
 * output of a JavaScript cell).
 */
export async function bakeSite(notebooks: readonly NotebookFile[], options: BakeOptions): Promise<SiteBakes> {
  const manifests = new Map<string, BakeManifest>();
  const files = new Map<string, Uint8Array>();
  const warnings: string[] = [];
  for (const {path, file} of notebooks) {
    // A notebook that cannot run headless is still built: its page computes everything live.
    const baked = await bakeNotebook({
      file: path,
      name: file,
      plugins: options.plugins,
      timeoutMs: options.timeoutMs ?? 120_000
    }).catch((error: Error) => ({values: [], warnings: [`${file}: not baked: ${error.message}`]}));
    warnings.push(...baked.warnings);
    const slash = file.lastIndexOf("/");
    const folder = `${file.slice(slash + 1).replace(/\.html$/, "")}.bake`; // relative to the page
    const cells = baked.values.map(({cell, key, parts}): BakedCell => ({
      cell,
      key,
      parts: parts.map(({output, codec, bytes}, i) => {
        const name = `${folder}/${parts.length === 1 ? cell : `${cell}-${i}`}.arrow`;
        files.set(`${file.slice(0, slash + 1)}${name}`, bytes);
        return {output, codec, file: name};
      })
    }));
    if (cells.length > 0) manifests.set(file, {cells});
  }
  return {manifests, files, warnings};
}

/** Writes the baked files into the site being built at `outDir`. */
export async function writeBakes(outDir: string, bakes: SiteBakes): Promise<void> {
  for (const [file, bytes] of bakes.files) {
    const target = join(outDir, ...file.split("/"));
    await mkdir(dirname(target), {recursive: true});
    await writeFile(target, bytes);
  }
}
