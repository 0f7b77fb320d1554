import {BakedCells} from "../bake/baked-cells.ts";
import type {BakeManifest} from "../bake/types.ts";
import {pluginBakeCodecs, type NotebookPlugin} from "../plugin.ts";

/** The baked cells of a built page, whose files are fetched relative to `pageUrl`; undefined when none. */
export function pageBakes(
  manifest: BakeManifest | undefined,
  plugins: readonly NotebookPlugin[],
  pageUrl: string
): BakedCells | undefined {
  if (!manifest || manifest.cells.length === 0) return undefined;
  return new BakedCells({
    manifest,
    codecs: () => pluginBakeCodecs(plugins),
    load: async (file) => {
      const response = await fetch(new URL(file, pageUrl));
      if (!response.ok) throw new Error(`${file}: ${response.status} ${response.statusText}`);
      return new Uint8Array(await response.arrayBuffer());
    }
  });
}
