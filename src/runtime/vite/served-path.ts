import {realpath, stat} from "node:fs/promises";
import {basename, relative, sep} from "node:path";
import {isInside} from "./is-inside.ts";
import {packageServedDirs} from "./paths.ts";

/**
 * Why the dev server must not answer a request for `path`, an absolute path in the served folder `root`;
 * undefined when it may. Dotfiles (`.env`, `.git/config`, `data/.secret`) are never served, nor a file
 * whose real path, symbolic links resolved, lies outside `root`, nor a FIFO or a device. The package's own files (the client,
 * its dependencies) are left to Vite's `server.fs` allow and deny lists, even when `root` holds them, but for
 * their dotfiles.
 */
export async function servingRefusal(root: string, path: string): Promise<string | undefined> {
  // The package's folders: a dot folder may hold what the page needs (Vite's .vite/deps, pnpm's .pnpm store),
  // a dot file never does (.netrc, .git-credentials, .htpasswd in a dependency), nor a repository.
  if (packageServedDirs.some((dir) => isInside(dir, path))) {
    const name = basename(path);
    return name.startsWith(".") || path.split(sep).includes(".git") ? "dotfiles are not served" : undefined;
  }
  const segments = relative(root, path).split(sep);
  if (segments.some((segment) => segment.startsWith("."))) return "dotfiles are not served";
  const real = await realpath(path).catch(() => undefined); // missing: the 404 comes later
  if (real !== undefined && !isInside(await realpath(root), real))
    return "it lies outside the served folder (a symbolic link leads there)";
  // A FIFO or a device never ends: each request for one would hold a thread of the server for ever.
  const stats = real === undefined ? undefined : await stat(real).catch(() => undefined);
  if (stats && !stats.isFile() && !stats.isDirectory()) return "it is not a regular file";
  return undefined;
}
