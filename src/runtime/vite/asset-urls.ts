import {existsSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import type {ImportBounds} from "./import-bounds.ts";

// Vite's own pattern (vite:asset-import-meta-url): `new URL("./x.png", import.meta.url)`, whose file it reads
// itself, without resolving an import, and puts in the page (a data: URL, or an asset of the site).
const ASSET_URL = /\bnew\s+URL\s*\(\s*('[^']+'|"[^"]+"|`[^`]+`)\s*,\s*import\.meta\.url\s*(?:,\s*)?\)/g;

/** What refuseAssetUrls tells its caller. */
export interface AssetUrlHooks {
  /** The message of a refused URL, which the expression replacing it throws. */
  describe(url: string, why: string): string;
  /** A file the module may read (a worker's module, say, which Vite bundles apart). */
  reached(path: string): void;
}

/**
 * `code` (of the module `file`, one of the notebooks') with each `new URL(path, import.meta.url)` whose file it
 * may not publish (a dotfile, a file outside the notebooks' folder: see ImportBounds) replaced by an
 * expression that throws why, and the messages; undefined when there is none. A URL with `${…}` is left:
 * Vite makes it an import.meta.glob, whose imports the plugin checks as any other.
 */
export function refuseAssetUrls(
  code: string,
  file: string,
  bounds: ImportBounds,
  {describe, reached}: AssetUrlHooks
): {code: string; messages: string[]} | undefined {
  const messages: string[] = [];
  const replaced = code.replace(ASSET_URL, (expression: string, literal: string) => {
    const url = literal.slice(1, -1);
    if (literal.startsWith("`") && url.includes("${")) return expression;
    const path = assetPath(url, file, bounds.root);
    if (path === undefined) return expression;
    const why = bounds.refusal(url, path);
    if (why === undefined) {
      reached(path);
      return expression;
    }
    const message = describe(url, why);
    messages.push(message);
    return `(() => { throw new Error(${JSON.stringify(message)}); })()`;
  });
  return messages.length === 0 ? undefined : {code: replaced, messages};
}

// The file Vite would read for `url`: relative to the module, or from the root (else the disk's root) for an
// absolute path; none for a package's, a data: URL or a URL off the site.
function assetPath(url: string, file: string, root: string): string | undefined {
  const path = url.replace(/[?#].*$/s, "");
  if (path.startsWith(".")) return resolve(dirname(file), path);
  if (!path.startsWith("/")) return undefined;
  const inRoot = join(root, path);
  return existsSync(inRoot) ? inRoot : path;
}
