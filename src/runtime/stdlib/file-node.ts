// Node only: reads file attachments from disk. Imported lazily by file-source.ts, never by browser code.
import {createReadStream} from "node:fs";
import {readFile, stat} from "node:fs/promises";
import {dirname, resolve} from "node:path";
import {Readable} from "node:stream";
import type {FileSource} from "./file-source.ts";
import {FileAttachmentError} from "./file-source.ts";

/** Opens the file at `path` as a streaming Response; rejects naming the attachment and the full path. */
export async function openFile(path: string, name: string): Promise<Response> {
  const {absolute, size} = await checkFile(path, name);
  // Node's web ReadableStream type differs from the DOM one only in its declarations.
  const body = Readable.toWeb(createReadStream(absolute)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {headers: {"content-length": String(size)}});
}

/**
 * The file at `path` as one ArrayBuffer of its size; rejects as openFile does. (A Response's arrayBuffer()
 * gathers the stream's chunks and then copies them into one buffer: twice the file's size at its peak.)
 */
export async function readFileBytes(path: string, name: string): Promise<ArrayBuffer> {
  const {absolute} = await checkFile(path, name);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw fileError(error, name, absolute);
  }
  const {buffer, byteOffset, byteLength} = bytes;
  // A small file may sit in Node's shared buffer pool: then only its own bytes are copied out.
  return (
    byteOffset === 0 && byteLength === buffer.byteLength
      ? buffer
      : buffer.slice(byteOffset, byteOffset + byteLength)
  ) as ArrayBuffer;
}

async function checkFile(path: string, name: string): Promise<{absolute: string; size: number}> {
  const absolute = resolve(path);
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new FileAttachmentError(name, `not a file: "${name}" (looked at ${absolute})`);
    return {absolute, size: info.size};
  } catch (error) {
    throw fileError(error, name, absolute);
  }
}

function fileError(error: unknown, name: string, absolute: string): FileAttachmentError {
  if (error instanceof FileAttachmentError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  const message = code === "ENOENT" ? "file not found" : `unable to read file (${code ?? error})`;
  return new FileAttachmentError(name, `${message}: "${name}" (looked at ${absolute})`, {cause: error});
}

/**
 * The resolver of a notebook on disk: attachment names are paths relative to the notebook's folder.
 * Pass it to createFileAttachment.
 */
export function notebookFileResolver(notebookPath: string): (name: string) => FileSource {
  const folder = dirname(resolve(notebookPath));
  return (name) => ({path: resolve(folder, name)});
}
