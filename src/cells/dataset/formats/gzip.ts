import {DatasetError} from "../errors.ts";
import {memoryAccess, readAll, type RandomAccess} from "../sources/index.ts";

/** Whether bytes start with gzip's magic number (1f 8b). */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The file's bytes gunzipped, in memory (`data.csv.gz` is how CSV is often shipped, scikit-learn's digits
 * among them). DecompressionStream is in Node and in browsers alike, so a page reads the same file. A server
 * that sent it with `Content-Encoding: gzip` has decompressed it already, and the magic number is gone.
 */
export async function gunzip(file: RandomAccess, name: string): Promise<RandomAccess> {
  const compressed = await readAll(file);
  try {
    const stream = new Blob([compressed as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream("gzip"));
    return memoryAccess(new Uint8Array(await new Response(stream).arrayBuffer()));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new DatasetError(name, [{message: `not a valid gzip file: ${message}`}], {cause: error});
  }
}

/** The name without its `.gz` (`data.csv.gz` → `data.csv`), so the extension inside tells the format. */
export function withoutGz(name: string): string {
  return name.replace(/\.gz(?=$|[?#])/i, "");
}
