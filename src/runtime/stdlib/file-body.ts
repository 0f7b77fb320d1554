import {openSource, sourceBytes, type FileSource} from "./file-source.ts";

/** What a FileAttachment reads: a notebook's file (fetched, or read from disk in Node) or a zip entry. */
export interface FileBody {
  /** Where the file is: its absolute URL in a page, a file: URL in Node, an archive's URL and `#entry`. */
  readonly href: string;
  /** True in Node, where no browser loads `href` (an image is made from the bytes instead). */
  readonly headless: boolean;
  /** The bytes as a Response (streamed where they can be); rejects naming the file. */
  open(): Promise<Response>;
  /** The bytes in one piece; rejects naming the file. */
  bytes(): Promise<ArrayBuffer>;
  /** A URL a page can load the file from (a zip entry's is a blob: URL). */
  url(): Promise<string>;
}

/** The body of a notebook's file, found where `source` says; errors name the attachment `name`. */
export function sourceBody(source: FileSource, name: string): FileBody {
  const href = "path" in source ? pathHref(source.path) : pageHref(source.url);
  return {
    href,
    headless: "path" in source,
    open: () => openSource(source, name),
    bytes: () => sourceBytes(source, name),
    url: () => Promise.resolve(href)
  };
}

/**
 * The file: URL of an absolute path, as Node's pathToFileURL writes it, without importing node:url (this module
 * runs in pages too): `%`, `\` and control characters are escaped first, the URL escapes the rest (space, `#`,
 * `?`, non-ASCII). A Windows path (`C:\…`) becomes `file:///C:/…`.
 */
export function pathHref(path: string): string {
  const windows = /^[A-Za-z]:[\\/]/.test(path);
  const escaped = path
    .replaceAll("%", "%25")
    .replaceAll("\n", "%0A")
    .replaceAll("\r", "%0D")
    .replaceAll("\t", "%09");
  const url = new URL("file:///");
  // A backslash separates a Windows path's folders; in a POSIX name it is a character like any other.
  url.pathname = windows ? `/${escaped.replaceAll("\\", "/")}` : escaped.replaceAll("\\", "%5C");
  return url.href;
}

/** A URL absolute against the page when there is one. */
function pageHref(url: string): string {
  const base = (globalThis as {location?: {href: string}}).location?.href;
  return base === undefined ? url : new URL(url, base).href;
}
