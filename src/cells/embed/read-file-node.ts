// Node only: loaded by a dynamic import behind a Node check, so that browser bundles never reach node:fs.
import {readFile} from "node:fs/promises";

/** A file's bytes, from a path or a file: URL. */
export async function readFileBytes(location: string | URL): Promise<Uint8Array> {
  return new Uint8Array(await readFile(location));
}
