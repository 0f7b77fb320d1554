import {copyFile, lstat, mkdir, readdir, readFile, realpath, rm, rmdir, writeFile} from "node:fs/promises";
import {dirname, join, posix, relative, sep} from "node:path";
import {BuildError, OutputRefused} from "./build-error.ts";

/** The file in an output folder that lists what our last build wrote there: all a rebuild may replace. */
export const MANIFEST = ".phoenix-notebook-build.json";

/** An output folder that may take a build, as `openOutput` found it. */
export interface OutputFolder {
  /** Absolute path. */
  readonly path: string;
  /** The folder as the user named it, for messages. */
  readonly name: string;
  /** The files our previous build wrote there (relative, `/` separators); empty when there was none. */
  readonly previous: ReadonlySet<string>;
  /** Overwrite files that are not ours, and build into a non-empty folder without a manifest. */
  readonly force: boolean;
}

/**
 * Checks, before anything is built, that `path` may take a build: it is missing, empty, or holds our
 * manifest (any folder with `force`). A manifest entry that leads outside the folder is refused: a rebuild
 * deletes the stale files the manifest lists.
 */
export async function openOutput(path: string, name: string, force: boolean): Promise<OutputFolder> {
  const entries: string[] = await readdir(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error; // not a folder, not readable: the caller says so as it says any other failure to write
  });
  let previous = new Set<string>();
  if (entries.includes(MANIFEST)) previous = await readManifest(path);
  else if (entries.length > 0 && !force)
    throw new OutputRefused([
      `--out ${name} is not empty and holds no build of ours (no ${MANIFEST}): pass --force to build into it anyway`
    ]);
  return {path, name, previous, force};
}

/**
 * Copies a build from `staging` into the folder and returns the files it wrote. Files the previous build
 * wrote are replaced, or removed when this build no longer writes them; every other file stays. A file that
 * is not ours where the build writes one is refused, unless `force`.
 */
export async function publish(staging: string, folder: OutputFolder): Promise<string[]> {
  const files = await listFiles(staging);
  await makeFolders(folder.path);
  const problems: string[] = [];
  for (const file of files) {
    const stats = await lstat(join(folder.path, file)).catch(() => undefined);
    if (stats?.isDirectory())
      problems.push(`--out ${folder.name}: ${file} is a folder; the build writes a file there`);
    else if (stats && !folder.previous.has(file) && !folder.force)
      problems.push(
        `--out ${folder.name}: ${file} is not from a previous build: pass --force to overwrite it`
      );
    else if (!(await staysInside(folder.path, file)))
      problems.push(`--out ${folder.name}: ${file} leads outside it (through a symbolic link)`);
  }
  if (problems.length > 0) throw new BuildError(problems);
  // Listed before writing, with the previous files: a build that stops half-way leaves nothing unaccounted for.
  await writeManifest(folder.path, new Set([...folder.previous, ...files]));
  for (const file of files) {
    const target = join(folder.path, file);
    await mkdir(dirname(target), {recursive: true});
    await rm(target, {force: true}); // a symbolic link there is replaced, never written through
    await copyFile(join(staging, file), target);
  }
  const written = new Set(files);
  for (const file of folder.previous) if (!written.has(file)) await removeStale(folder.path, file);
  await writeManifest(folder.path, written);
  return files;
}

// `mkdir -p`, one level at a time, so at most as many tries as the path has levels. Node's recursive mkdir
// retries for ever where a folder whose parent exists cannot be made and the answer is ENOENT (/proc/x, as
// root); here that is an error naming the folder.
async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  for (let level = path; !(await exists(level)); level = dirname(level)) {
    missing.unshift(level);
    if (dirname(level) === level) break;
  }
  for (const level of missing)
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
}

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false
  );

async function readManifest(folder: string): Promise<Set<string>> {
  const file = join(folder, MANIFEST);
  let files: unknown;
  try {
    files = (JSON.parse(await readFile(file, "utf8")) as {files?: unknown} | null)?.files;
  } catch (error) {
    throw new BuildError([`${file}: not a build manifest (${(error as Error).message})`]);
  }
  if (!Array.isArray(files)) throw new BuildError([`${file}: not a build manifest (no "files" list)`]);
  for (const entry of files as unknown[])
    if (typeof entry !== "string" || !isRelativePath(entry) || !(await staysInside(folder, entry)))
      throw new BuildError([`${file}: ${JSON.stringify(entry)} is not a path inside ${folder}`]);
  return new Set(files as string[]);
}

async function writeManifest(folder: string, files: ReadonlySet<string>): Promise<void> {
  const manifest = {generator: "phoenix-notebook", files: [...files].sort()};
  await writeFile(join(folder, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
}

// A plain relative path: no "..", ".", empty or absolute part, no backslash (a separator on Windows).
function isRelativePath(file: string): boolean {
  return (
    file !== MANIFEST &&
    !file.includes("\\") &&
    !file.includes("\0") &&
    !posix.isAbsolute(file) &&
    posix.normalize(file) === file &&
    file !== ".." &&
    !file.startsWith("../")
  );
}

// Whether `file` under `folder` is really there: the nearest existing folder on its way, symbolic links
// resolved, is `folder` or inside it (an `assets` link to elsewhere would have us write or delete there).
async function staysInside(folder: string, file: string): Promise<boolean> {
  const root = await realpath(folder);
  let parent = dirname(join(folder, file));
  for (;;) {
    const real = await realpath(parent).catch(() => undefined);
    if (real !== undefined) return real === root || real.startsWith(root + sep);
    parent = dirname(parent);
  }
}

async function removeStale(folder: string, file: string): Promise<void> {
  const path = join(folder, file);
  const stats = await lstat(path).catch(() => undefined);
  if (!stats || stats.isDirectory()) return;
  await rm(path);
  // The folders it leaves empty (an old `assets/`), up to the output folder; rmdir refuses a non-empty one.
  for (let dir = dirname(path); dir !== folder && dir.startsWith(folder + sep); dir = dirname(dir))
    if (
      !(await rmdir(dir).then(
        () => true,
        () => false
      ))
    )
      break;
}

/** Every file under `dir`, relative, with `/` separators, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/**
 * The path with every symbolic link resolved, for a path that may not exist yet: its nearest existing
 * ancestor resolved, then the rest as written. Two names of one folder (a link and its target) compare equal.
 */
export async function resolvedPath(path: string): Promise<string> {
  const parent = dirname(path);
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || parent === path) throw error;
    return join(await resolvedPath(parent), path.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}
