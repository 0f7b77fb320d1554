/**
 * Where bytes named by a string or URL live, by one rule for every reader of the cells (px.load, the pixels
 * method's images, the words asset):
 *
 * - "file": a path (relative, absolute, a Windows drive path `C:\…` or `C:/…`, a UNC path `\\server\share`) or a
 *   `file:` URL. Node reads it; a page fetches a relative path against the page.
 * - "fetch": an `http:`, `https:`, `data:` or `blob:` URL.
 *
 * Any other scheme (`ftp:`, `javascript:`, `s3:`, …) is refused here, naming it, rather than fetched or opened
 * as a file of that name.
 */
export function locationKind(location: string | URL): "file" | "fetch" {
  const scheme = schemeOf(location);
  if (scheme === null || scheme === "file") return "file";
  if (FETCHED.has(scheme)) return "fetch";
  throw new TypeError(
    `unsupported URL scheme "${scheme}:" in ${JSON.stringify(String(location))} (expected a file path, or an http, https, data, blob or file URL)`
  );
}

const FETCHED = new Set(["http", "https", "data", "blob"]);

// A one-letter "scheme" followed by a separator is a Windows drive (C:\data, C:/data), not a URL.
function schemeOf(location: string | URL): string | null {
  if (location instanceof URL) return location.protocol.slice(0, -1).toLowerCase();
  const match = /^([a-z][a-z\d+.-]*):/i.exec(location.trim());
  if (!match || /^[a-z]:[\\/]/i.test(location.trim())) return null;
  return match[1]!.toLowerCase();
}
