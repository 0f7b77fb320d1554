// Node only: loaded by a dynamic import behind a Node check, so that browser bundles never reach node:fs.
import {open} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {DatasetError} from "../errors.ts";
import type {RandomAccess} from "./random-access.ts";

const problems: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a folder, not a file",
  EACCES: "permission denied"
};

/** Random access to a file on disk through one file handle; each read allocates just the bytes asked for. */
export async function fileAccess(location: string | URL, name: string): Promise<RandomAccess> {
  const path =
    typeof location === "string" && !location.startsWith("file:") ? location : fileURLToPath(location);
  const handle = await open(path, "r").catch((error: NodeJS.ErrnoException) => {
    throw new DatasetError(name, [{message: problems[error.code ?? ""] ?? error.message}], {cause: error});
  });
  const stats = await handle.stat();
  if (stats.isDirectory()) {
    await handle.close();
    throw new DatasetError(name, [{message: problems.EISDIR!}]);
  }
  const size = stats.size;
  return {
    size,
    inMemory: false,
    async read(offset, length, into) {
      const wanted = Math.max(0, Math.min(length, size - offset));
      const bytes = into ? into.subarray(0, wanted) : new Uint8Array(wanted);
      let done = 0;
      // A read may return fewer bytes than asked (large reads, network file systems): loop until full.
      while (done < bytes.byteLength) {
        const {bytesRead} = await handle.read(bytes, done, bytes.byteLength - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === bytes.byteLength ? bytes : bytes.subarray(0, done);
    },
    close: () => handle.close()
  };
}
