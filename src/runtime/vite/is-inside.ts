import {sep} from "node:path";

/** Whether the absolute path `path` is `dir` or lies under it (both normalized, as `resolve` gives them). */
export function isInside(dir: string, path: string): boolean {
  return path === dir || path.startsWith(dir + sep);
}
