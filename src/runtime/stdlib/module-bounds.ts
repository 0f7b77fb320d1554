// Node only: what a notebook's code may import, in a page (vite/import-guard.ts) and in the runner alike.
import {realpathSync} from "node:fs";
import {relative, sep} from "node:path";
import {isUrlSpecifier} from "./import-module.ts";

const DOTFILE = "it is a dotfile; dotfiles are never published";

/**
 * Why a module of the notebook's folder `root` (a real path) may not import `specifier`, which resolved to
 * `file` (an absolute path, its query cut; undefined for a virtual module); undefined when it may. A dotfile
 * may not (`.env`, `.git/config`: a dot segment as written, or under `root`), nor a file whose real path,
 * symbolic links resolved, lies outside `root`. A package (a bare specifier) may, wherever its files really
 * are (a workspace's package is a link out of node_modules), but for a dotfile named in it.
 */
export function moduleRefusal(root: string, specifier: string, file: string | undefined): string | undefined {
  const path = specifier.replace(/[?#].*$/s, "");
  // As written: `./.hidden/x.js` is a dotfile even where `.hidden` is a link to a folder without dots.
  if (path.split("/").some(isDotName)) return DOTFILE;
  if (file === undefined || isBare(path)) return undefined;
  const real = realPath(file);
  if (!isUnder(root, real))
    return real === file || !isUnder(root, file)
      ? "it lies outside the notebook's folder"
      : `it is a link to ${real}, outside the notebook's folder`;
  if (relative(root, real).split(sep).some(isDotName)) return DOTFILE;
  return undefined;
}

/** Whether `path` is `dir` or lies under it (both absolute and normalized). */
export const isUnder = (dir: string, path: string) => path === dir || path.startsWith(dir + sep);

const isBare = (path: string) => !path.startsWith(".") && !path.startsWith("/") && !isUrlSpecifier(path);

// `.env`, `.git`: a name that starts with a dot, but not the `.` and `..` of a relative path.
const isDotName = (segment: string) => segment.startsWith(".") && segment !== "." && segment !== "..";

/** The real path of `path`, symbolic links resolved; `path` itself when it does not exist. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
