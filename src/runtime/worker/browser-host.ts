import {serve} from "./serve.ts";
import type {HostMessage, WorkerMessage} from "./types.ts";

// The DOM lib types `self` as a Window; here it is a DedicatedWorkerGlobalScope.
interface DedicatedScope {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<HostMessage>) => void): void;
}
/**
 * Serves tasks in this Web Worker: the body of a worker entry (browser-entry.ts, or a plugin's entry that
 * registers its tasks first).
 */
export function serveBrowserWorker(): void {
  const scope = self as unknown as DedicatedScope;
  serve(
    {
      post: (message, transfer) => scope.postMessage(message, transfer),
      listen: (listener) => scope.addEventListener("message", (event) => listener(event.data))
    },
    // Module URLs work only where the page's server serves sources (the Vite dev server).
    (specifier) => import(/* @vite-ignore */ specifier)
  );
}
