import {randomBytes} from "node:crypto";
import {chmod, rename, rm, stat, writeFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";

/**
 * Writes `text` to `path` so that a reader (the watcher, an editor, a crash) sees the old file or the new one,
 * never half of it: a temporary file beside it (a dotfile, which the dev server neither serves nor watches as a
 * notebook), then a rename over it. The file keeps its permissions (a notebook only its owner may read stays so).
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const mode = (await stat(path).catch(() => undefined))?.mode;
  try {
    // Created readable by its owner only, then given the file's mode: never readable by others in between.
    await writeFile(temporary, text, {flag: "wx", mode: 0o600});
    if (mode !== undefined) await chmod(temporary, mode & 0o7777);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, {force: true});
    throw error;
  }
}
