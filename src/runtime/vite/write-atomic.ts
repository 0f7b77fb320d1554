import {randomBytes} from "node:crypto";
import {access, chmod, constants, rename, rm, stat, writeFile} from "node:fs/promises";
import {basename, dirname, join} from "node:path";

/** Thrown by writeAtomic for a file its user may not write. */
export class ReadOnlyFileError extends Error {
  override readonly name = "ReadOnlyFileError";
  constructor(readonly path: string) {
    super(`${basename(path)} is read-only`);
  }
}

/**
 * Whether `path` is a file the server must not write: one this process may not write (access), or one whose
 * owner has no write permission (`chmod 444`, `chmod u-w`). The mode counts even for root, whom access() lets
 * write anything: a rename over the file would replace it whatever its mode, so the mode is the user's word.
 */
export async function isReadOnly(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return false; // a new file
  if ((info.mode & 0o200) === 0) return true;
  return access(path, constants.W_OK).then(
    () => false,
    () => true
  );
}

/**
 * Writes `text` to `path` so that a reader (the watcher, an editor, a crash) sees the old file or the new one,
 * never half of it: a temporary file beside it (a dotfile, which the dev server neither serves nor watches as a
 * notebook), then a rename over it. The file keeps its permissions (a notebook only its owner may read stays so).
 * A read-only file (see isReadOnly) is never replaced: ReadOnlyFileError, though the rename would succeed in a
 * writable folder.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  if (await isReadOnly(path)) throw new ReadOnlyFileError(path);
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
