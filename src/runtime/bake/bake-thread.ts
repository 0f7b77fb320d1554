// A bake thread (a worker_threads entry): runs a notebook headless with the Node plugins, then posts the values
// to bake, encoded. The build terminates the thread afterwards, with whatever the cells left running.
import {parentPort, workerData} from "node:worker_threads";
import {NotebookFormatError} from "../notebook/errors.ts";
import {pluginBakeCodecs, type NotebookPlugin} from "../plugin.ts";
import {readFile} from "node:fs/promises";
import {resolve} from "node:path";
import {defineHeadless} from "../headless/open-notebook.ts";
import {parseNotebook} from "../notebook/parse.ts";
import {forPage} from "../compile/typescript.ts";
import {builtinCodecs} from "./codec.ts";
import {collectBakes} from "./collect.ts";
import type {BakeThreadInput, BakeThreadMessage} from "./thread-protocol.ts";
import {answerStop} from "../headless/thread-stop.ts";

const port = parentPort;
if (port === null) throw new Error("bake-thread.ts runs only in a worker thread");
const {file, name, plugins, timeoutMs} = workerData as BakeThreadInput;
const post = (message: BakeThreadMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);
answerStop(port);

const loaded = await Promise.all(
  plugins.map(async (url) => ((await import(url)) as {default: NotebookPlugin}).default)
);
try {
  const path = resolve(file);
  const notebook = parseNotebook(await readFile(path, "utf8"), file);
  if (notebook.cells.some((cell) => cell.mode === "ts")) await import("../compile/typescript-node.ts");
  // Run as the page runs it (TypeScript cells compiled), so that the keys baked are the keys the page computes.
  const headless = defineHeadless(forPage(notebook), path, loaded);
  const settled = await headless.recorder.whenSettled(timeoutMs);
  const codecs = [...(await pluginBakeCodecs(loaded)), ...builtinCodecs];
  const {values, warnings} = await collectBakes(headless, codecs, name);
  if (!settled) warnings.unshift(`${name}: cells still running after ${timeoutMs / 1000} s are not baked`);
  const buffers = values.flatMap(({parts}) => parts.map(({bytes}) => bytes.buffer as ArrayBuffer));
  post({type: "baked", values, warnings}, [...new Set(buffers)]);
} catch (error) {
  if (!(error instanceof NotebookFormatError)) throw error;
  post({type: "format", message: error.message});
}
