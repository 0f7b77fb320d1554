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
const state = new ThreadState();

function handle(port: Port, {id, task}: TaskMessage): void {
  let reply: ReplyMessage;
  try {
    reply = {id, ok: true, value: state.run(task)};
  } catch (error) {
    const {name, message} = error instanceof Error ? error : new Error(String(error));
    reply = {id, ok: false, name, message};
  }
  port.postMessage(reply);
}

function listen(port: Port): void {
  if (port.on) port.on("message", (data) => handle(port, data as TaskMessage));
  else port.addEventListener!("message", (event) => handle(port, event.data as TaskMessage));
}

// No top-level await: a page bundler may build this worker as a classic script (Vite's default worker format
// is iife), where it is a syntax error. Node's parentPort keeps the messages sent before we listen.
if (isNode)
  void (import(/* @vite-ignore */ workerThreads) as Promise<typeof import("node:worker_threads")>).then(
    (module) => listen(module.parentPort!)
  );
else listen(globalThis as unknown as Port);
