// The Web Worker entry; browser-spawn.ts creates it in the form Vite recognizes, so Vite bundles it
// together with the registry's task modules.
import {serve} from "./serve.ts";
import type {HostMessage, WorkerMessage} from "./types.ts";

// The DOM lib types `self` as a Window; here it is a DedicatedWorkerGlobalScope.
interface DedicatedScope {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<HostMessage>) => void): void;
}
const scope = self as unknown as DedicatedScope;

serve(
  {
    post: (message, transfer) => scope.postMessage(message, transfer),
    listen: (listener) => scope.addEventListener("message", (event) => listener(event.data))
  },
  // Module URLs work only where the page's server serves sources (the Vite dev server).
  (specifier) => import(/* @vite-ignore */ specifier)
);
