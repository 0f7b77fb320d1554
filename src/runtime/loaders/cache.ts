// Node only: where loader outputs are kept, beside the notebook, as Notebook Kit keeps them.
import {lstat, mkdir, realpath} from "node:fs/promises";
import {join} from "node:path";
import {isInside} from "../vite/is-inside.ts";

/** The cache folder, relative to the notebook's folder. Delete a file there to rerun its loader. */
export const LOADER_CACHE_DIR = ".observable/cache";

/**
 * The cache folder of the notebook folder `directory` (a real path), created when `create`. A folder that
 * leads out of `directory` (`.observable` a link elsewhere) is refused: outputs are read back from it and
 * published.
 */
export async function cacheFolder(directory: string, create: boolean): Promise<string | undefined> {
  const folder = join(directory, ...LOADER_CACHE_DIR.split("/"));
  if (create) await mkdir(folder, {recursive: true});
  const real = await realpath(folder).catch(() => undefined);
  if (real === undefined) return undefined;
  if (!isInside(directory, real))
    throw new Error(`${folder} leads out of the notebook's folder (to ${real})`);
  return real;
}

/** The snapshot `file` in the cache folder, when there is one: a plain file, never a link followed. */
export async function cachedOutput(directory: string, file: string): Promise<string | undefined> {
  const folder = await cacheFolder(directory, false);
  if (folder === undefined) return undefined;
  const path = join(folder, file);
  const stats = await lstat(path).catch(() => undefined);
  if (stats === undefined) return undefined;
  if (!stats.isFile())
    throw new Error(`${path} is not a plain file (a link?): delete it to rerun the loader`);
  return path;
}
