import {readFile} from "node:fs/promises";
import {dirname, resolve} from "node:path";
import {NotebookRuntime} from "../define/notebook-runtime.ts";
import {parseNotebook} from "../notebook/parse.ts";
import type {Notebook} from "../notebook/types.ts";
import {createBuiltins} from "../stdlib/index.ts";
import {createFileAttachment} from "../stdlib/file-attachment.ts";
import {installHeadlessDom} from "../stdlib/headless-dom.ts";
import {NotebookRecorder} from "./recorder.ts";
import {saveExportsTo} from "./save-exports.ts";

/** A notebook running in Node, with a DOM from happy-dom so that Inputs, html, md and Plot work headless. */
export interface HeadlessNotebook {
  readonly file: string;
  readonly notebook: Notebook;
  readonly runtime: NotebookRuntime;
  readonly recorder: NotebookRecorder;
}

/** Reads, parses and defines a notebook file; FileAttachment names resolve relative to the file. */
export async function openNotebook(file: string): Promise<HeadlessNotebook> {
  const path = resolve(file);
  const notebook = parseNotebook(await readFile(path, "utf8"), file);
  return defineHeadless(notebook, path);
}

/** Defines `notebook` headless, as if it were the file at `path`. */
export function defineHeadless(notebook: Notebook, path: string): HeadlessNotebook {
  installHeadlessDom();
  const directory = dirname(path);
  const fileAttachment = createFileAttachment((name) => ({path: resolve(directory, name)}));
  const recorder = new NotebookRecorder();
  const exportTarget = saveExportsTo(resolve(directory, "exports"));
  const runtime = new NotebookRuntime({
    builtins: createBuiltins({fileAttachment, exportTarget}),
    host: recorder
  });
  runtime.update(notebook);
  return {file: path, notebook, runtime, recorder};
}
