// A UMAP thread: runs the tasks the pool sends (messages.ts), one at a time, and replies to each.
import type {ReplyMessage, TaskMessage} from "./messages.ts";
import {ThreadState} from "./thread-tasks.ts";

/** Where messages come from and go: node:worker_threads' parentPort, or a Web Worker's global scope. */
interface Port {
  postMessage(message: unknown): void;
  on?(event: "message", listener: (data: unknown) => void): void;
  addEventListener?(event: "message", listener: (event: {data: unknown}) => void): void;
}

const isNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
// A specifier Vite cannot follow, so that the page's bundle of this worker never includes node:worker_threads.
const workerThreads = "node:worker_threads";
const port: Port = isNode
  ? ((await import(/* @vite-ignore */ workerThreads)) as typeof import("node:worker_threads")).parentPort!
  : (globalThis as unknown as Port);

const state = new ThreadState();

function handle({id, task}: TaskMessage): void {
  let reply: ReplyMessage;
  try {
    reply = {id, ok: true, value: state.run(task)};
  } catch (error) {
    const {name, message} = error instanceof Error ? error : new Error(String(error));
    reply = {id, ok: false, name, message};
  }
  port.postMessage(reply);
}

if (port.on) port.on("message", (data) => handle(data as TaskMessage));
else port.addEventListener!("message", (event) => handle(event.data as TaskMessage));
