import {isAbsolute, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {parentPort, type Transferable as NodeTransferable} from "node:worker_threads";
import {serve} from "./serve.ts";
import type {HostMessage} from "./types.ts";

/**
 * Serves tasks in this worker thread: the body of a worker_threads entry (node-entry.ts, or a plugin's entry
 * that registers its tasks first).
 */
export function serveNodeThread(): void {
  const port = parentPort;
  if (port === null) throw new Error("serveNodeThread() runs only in a worker thread");
  serve(
    {
      // Node types its transferables apart from the DOM's; the buffers we collect are in both.
      post: (message, transfer) => port.postMessage(message, transfer as NodeTransferable[]),
      listen: (listener) => port.on("message", (message: HostMessage) => listener(message))
    },
    (specifier) => import(toUrl(specifier))
  );
}

/** Paths (relative to the working directory) become file URLs; URLs stay as they are. */
function toUrl(specifier: string): string {
  if (/^[a-z][a-z\d+.-]+:/i.test(specifier) && !isAbsolute(specifier)) return specifier;
  return pathToFileURL(resolve(specifier)).href;
}
