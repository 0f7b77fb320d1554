// Node only: reads file attachments from disk. Imported lazily by file-source.ts, never by browser code.
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {dirname, resolve} from "node:path";
import {Readable} from "node:stream";
import {pathToFileURL} from "node:url";
import type {FileSource} from "./file-source.ts";
import {FileAttachmentError} from "./file-source.ts";

/** Opens the file at `path` as a streaming Response; rejects naming the attachment and the full path. */
export async function openFile(path: string, name: string): Promise<Response> {
  const absolute = resolve(path);
  let size: number;
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new FileAttachmentError(name, `not a file: "${name}" (looked at ${absolute})`);
    size = info.size;
  } catch (error) {
    if (error instanceof FileAttachmentError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "file not found" : `unable to read file (${code ?? error})`;
    throw new FileAttachmentError(name, `${message}: "${name}" (looked at ${absolute})`, {cause: error});
  }
  // Node's web ReadableStream type differs from the DOM one only in its declarations.
  const body = Readable.toWeb(createReadStream(absolute)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {headers: {"content-length": String(size)}});
}

/** The file: URL of a path. */
export function fileUrl(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

/**
 * The resolver of a notebook on disk: attachment names are paths relative to the notebook's folder.
 * Pass it to createFileAttachment.
 */
export function notebookFileResolver(notebookPath: string): (name: string) => FileSource {
  const folder = dirname(resolve(notebookPath));
  return (name) => ({path: resolve(folder, name)});
}
