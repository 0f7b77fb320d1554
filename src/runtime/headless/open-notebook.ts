import {readFile} from "node:fs/promises";
import {dirname, resolve} from "node:path";
import {RuntimeError} from "@observablehq/runtime";
import {compileCells} from "../compile/compile-cell.ts";
import {NotebookRuntime} from "../define/notebook-runtime.ts";
import {parseNotebook} from "../notebook/parse.ts";
import type {Notebook} from "../notebook/types.ts";
import {createBuiltins} from "../stdlib/builtins.ts";
import {createFileAttachment} from "../stdlib/file-attachment.ts";
import {nodeImporter} from "../stdlib/import-node.ts";
import {nodeDataLoader} from "../loaders/node-loader.ts";
import {startingInNotebookOrder} from "./notebook-order.ts";
import {NotebookRecorder} from "./recorder.ts";
import type {NotebookPlugin} from "../plugin.ts";

/**
 * A notebook running in Node, with a DOM from happy-dom so that Inputs, html, md and Plot work headless. The
 * DOM is installed when a cell first needs one (one of those builtins, a plugin's view, or a global such as
 * `document`): happy-dom costs more to load than the rest of the runtime, and most cells need no DOM.
 */
export interface HeadlessNotebook {
  readonly file: string;
  readonly notebook: Notebook;
  readonly runtime: NotebookRuntime;
  readonly recorder: NotebookRecorder;
}

export interface HeadlessOptions {
  /**
   * Start the cells' code one at a time, in notebook order, each once the reports of those before it are out
   * (the runner's thread, which a cell that never yields may take for good: see notebook-order.ts).
   */
  readonly inNotebookOrder?: boolean;
}

/**
 * Reads, parses and defines a notebook file; FileAttachment names resolve relative to the file, and data loader
 * cells run beside it (their outputs cached in its folder's `.observable/cache/`). `plugins` add their builtins (Phoenix's px and phx come from src/bindings/node.ts).
 */
export async function openNotebook(
  file: string,
  plugins: readonly NotebookPlugin[] = [],
  options: HeadlessOptions = {}
): Promise<HeadlessNotebook> {
  const path = resolve(file);
  const notebook = parseNotebook(await readFile(path, "utf8"), file);
  // The TypeScript compiler (Oxc, a native module) loads only for a notebook with TypeScript cells: most
  // have none, and it costs a run's start-up time.
  if (notebook.cells.some((cell) => cell.mode === "ts")) await import("../compile/typescript-node.ts");
  return defineHeadless(notebook, path, plugins, options);
}

/** Defines `notebook` headless, as if it were the file at `path`. */
export function defineHeadless(
  notebook: Notebook,
  path: string,
  plugins: readonly NotebookPlugin[] = [],
  {inNotebookOrder = false}: HeadlessOptions = {}
): HeadlessNotebook {
  const directory = dirname(path);
  // xml(), html() and image() make DOM nodes: happy-dom, installed when one of them is first called.
  const fileAttachment = createFileAttachment((name) => ({path: resolve(directory, name)}), {dom});
  const recorder = new NotebookRecorder();
  const runtime = new NotebookRuntime({
    compile: inNotebookOrder ? startingInNotebookOrder(compileCells) : compileCells,
    builtins: createBuiltins({
      fileAttachment,
      plugins,
      pluginContext: {notebookPath: path},
      dom,
      importModule: nodeImporter(path),
      dataLoader: nodeDataLoader(path, {dom}),
      // node-api (a native module) loads only when a SQL cell first runs; names resolve beside the notebook.
      sqlEngine: () => import("../sql/duckdb-node.ts").then(({createDuckDB}) => createDuckDB({directory}))
    }),
    host: recorder,
    global: headlessGlobal
  });
  runtime.update(notebook);
  return {file: path, notebook, runtime, recorder};
}

function dom(): Promise<unknown> {
  return import("../stdlib/headless-dom.ts").then(({installHeadlessDom}) => installHeadlessDom());
}

/** A name no cell or builtin defines: one of Node's globals, else of the DOM's (installed first), else none. */
function headlessGlobal(name: string): unknown {
  const global = globalThis as Record<string, unknown>;
  if (name in global) return global[name];
  return dom().then(() => {
    if (name in global) return global[name];
    throw new RuntimeError(`${name} is not defined`, name);
  });
}
