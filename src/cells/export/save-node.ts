import {open, rm} from "node:fs/promises";
import {dirname, extname, join, resolve} from "node:path";
import type {ExportFile} from "./export-rows.ts";

/** Suffixes tried before giving up: `name (1).ext` … `name (999).ext`. */
const MAX_SUFFIX = 999;

/**
 * Writes an export into `directory` (Node only) and returns the file's path. An existing file is never
 * overwritten: the name takes a suffix instead, `name (1).ext`, `name (2).ext`, … as browsers name downloads.
 * A name that would land anywhere but directly in `directory` (`../x`, `/tmp/x`, `sub/x`) is an error.
 */
export async function saveExport(file: ExportFile, directory: string): Promise<string> {
  // exportRows already refuses such names; an ExportFile built by hand must not escape `directory` either.
  if (dirname(resolve(directory, file.fileName)) !== resolve(directory))
    throw new Error(`saveExport: ${JSON.stringify(file.fileName)} is not a file name inside ${directory}`);
  const extension = extname(file.fileName);
  const stem = file.fileName.slice(0, file.fileName.length - extension.length);
  for (let n = 0; n <= MAX_SUFFIX; ++n) {
    const path = join(directory, n ? `${stem} (${n})${extension}` : file.fileName);
    let handle;
    try {
      // "wx" creates the file or fails if it exists, in one step: no other writer can slip in between.
      handle = await open(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    try {
      await handle.writeFile(file.bytes);
    } catch (error) {
      await handle.close();
      await rm(path, {force: true}); // no half-written export left behind (a full disk, say)
      throw error;
    }
    await handle.close();
    return path;
  }
  throw new Error(`saveExport: ${join(directory, file.fileName)} and ${MAX_SUFFIX} suffixed names exist`);
}
