import {readFile} from "node:fs/promises";
import {dirname, resolve} from "node:path";
import {NotebookRuntime} from "../define/notebook-runtime.ts";
import {parseNotebook} from "../notebook/parse.ts";
import type {Notebook} from "../notebook/types.ts";
import {createBuiltins} from "../stdlib/index.ts";
import {createFileAttachment} from "../stdlib/file-attachment.ts";
import {nodeImporter} from "../stdlib/import-node.ts";
import {installHeadlessDom} from "../stdlib/headless-dom.ts";
import {NotebookRecorder} from "./recorder.ts";
import type {NotebookPlugin} from "../plugin.ts";

/** A notebook running in Node, with a DOM from happy-dom so that Inputs, html, md and Plot work headless. */
export interface HeadlessNotebook {
  readonly file: string;
  readonly notebook: Notebook;
  readonly runtime: NotebookRuntime;
  readonly recorder: NotebookRecorder;
}

/**
 * Reads, parses and defines a notebook file; FileAttachment names resolve relative to the file. `plugins` add
 * their builtins (Phoenix's px and phx come from src/bindings/node.ts).
 */
export async function openNotebook(
  file: string,
  plugins: readonly NotebookPlugin[] = []
): Promise<HeadlessNotebook> {
  const path = resolve(file);
  const notebook = parseNotebook(await readFile(path, "utf8"), file);
  return defineHeadless(notebook, path, plugins);
}

/** Defines `notebook` headless, as if it were the file at `path`. */
export function defineHeadless(
  notebook: Notebook,
  path: string,
  plugins: readonly NotebookPlugin[] = []
): HeadlessNotebook {
  installHeadlessDom();
  const directory = dirname(path);
  const fileAttachment = createFileAttachment((name) => ({path: resolve(directory, name)}));
  const recorder = new NotebookRecorder();
  const runtime = new NotebookRuntime({
    builtins: createBuiltins({
      fileAttachment,
      plugins,
      pluginContext: {notebookPath: path},
      importModule: nodeImporter(path)
    }),
    host: recorder
  });
  runtime.update(notebook);
  return {file: path, notebook, runtime, recorder};
}
