import {randomBytes} from "node:crypto";
import {rename, rm, writeFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";

/**
 * Writes `text` to `path` so that a reader (the watcher, an editor, a crash) sees the old file or the new one,
 * never half of it: a temporary file beside it (a dotfile, which the dev server neither serves nor watches as a
 * notebook), then a rename over it.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, {flag: "wx"});
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
}
