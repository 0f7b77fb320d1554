/**
 * Where a file attachment's bytes are: a URL to fetch (in the browser, relative to the page) or a path to
 * read from disk (in Node). A notebook's resolver turns each attachment name into one of these.
 */
export type FileSource = {readonly url: string} | {readonly path: string};

/** A file attachment that could not be read; names the file and where it was looked for. */
export class FileAttachmentError extends Error {
  override name = "FileAttachmentError";
  /** The attachment's name, as the notebook wrote it. */
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.file = file;
  }
}

// The Node reader, imported only when a path is read. The specifier is a variable so that bundlers for the
// browser (Vite) do not follow it: they would otherwise emit a chunk with stubs for node:fs and warn.
const NODE_READER = "./file-node.ts";

function nodeReader(): Promise<typeof import("./file-node.ts")> {
  return import(/* @vite-ignore */ NODE_READER);
}

/** Opens a source's bytes as a Response (fetched, or read from disk in Node). */
export async function openSource(source: FileSource, name: string): Promise<Response> {
  if ("path" in source) return (await nodeReader()).openFile(source.path, name);
  let response: Response;
  try {
    response = await fetch(source.url);
  } catch (error) {
    throw new FileAttachmentError(name, `unable to fetch file: "${name}" (at ${source.url})`, {cause: error});
  }
  if (response.ok) return response;
  const status = `${response.status} ${response.statusText}`.trim();
  const message = response.status === 404 ? "file not found" : `unable to fetch file (${status})`;
  throw new FileAttachmentError(name, `${message}: "${name}" (looked at ${response.url || source.url})`);
}

/** A source's bytes: read from disk in one piece (Node), or fetched. */
export async function sourceBytes(source: FileSource, name: string): Promise<ArrayBuffer> {
  if ("path" in source) return (await nodeReader()).readFileBytes(source.path, name);
  return (await openSource(source, name)).arrayBuffer();
}

/**
 * An attachment's name as a relative URL: each path segment percent-encoded, so that a `#`, `?` or `%` in a
 * file's name stays part of the path (read as a URL, `a#1.json` would fetch `a`, and `100%.csv` is no valid
 * URL). A name with a scheme (`https:`) is a URL already and is kept as written. The single-file page looks
 * its files up by this same form (vite/single-file/inline-page.ts).
 */
export function attachmentHref(name: string): string {
  if (/^[a-z][\w+.-]*:/i.test(name)) return name;
  return name.split("/").map(encodeURIComponent).join("/");
}

/**
 * The resolver of a notebook served over HTTP: attachment names are paths relative to the notebook's URL
 * (e.g. `new URL("digits.html", location.href)`), encoded by attachmentHref. Pass it to createFileAttachment.
 */
export function notebookUrlResolver(notebookUrl: string | URL): (name: string) => FileSource {
  return (name) => ({url: new URL(attachmentHref(name), notebookUrl).href});
}
