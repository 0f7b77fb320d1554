/// <reference types="vite/client" />
// The page client: reads the notebook the shell embeds and runs it in <main>. The page's module script (a
// module the Vite plugin writes) imports it with the plugins' page modules and calls startPage.
import "@observablehq/inspector/dist/inspector.css";
import "@observablehq/inputs/dist/index.css";
import "../display/display.css";
import "./page.css";
import {Banner} from "./banner.ts";
import {pageBuiltins} from "./builtins.ts";
import {acceptNotebookUpdates} from "./hot.ts";
import {NotebookPage} from "./notebook-page.ts";
import {pageBakes} from "./page-bakes.ts";
import {readNotebookData} from "./read-notebook-data.ts";
import {UncaughtNotice} from "./uncaught-notice.ts";
import {NOTEBOOK_ROOT_ID} from "./protocol.ts";
import type {CellCompiler} from "../compile/types.ts";
import type {NotebookPlugin} from "../plugin.ts";
import type {BuiltinsOptions} from "../stdlib/builtins.ts";

/** Options of startPage. */
export interface StartPageOptions {
  /** Compiles the cells: compileCells in a dev server's page, the build's plans (precompiledCells) in a built one. */
  readonly compile: CellCompiler;
  /** Loaders of the modules the page's JavaScript cells import, by specifier. Default: none. */
  readonly imports?: Readonly<Record<string, () => Promise<unknown>>>;
  /** Plot and d3 trimmed to what the cells read, in a built page (see BuiltinsOptions.trimmed). Default: whole. */
  readonly trimmed?: BuiltinsOptions["trimmed"];
}

/** Runs the notebook this page embeds, with the plugins' builtins (Phoenix's px and phx, say). */
export function startPage(
  plugins: readonly NotebookPlugin[],
  {compile, imports = {}, trimmed}: StartPageOptions
): NotebookPage {
  const {file, notebook, editing, bakes} = readNotebookData(document);
  const main =
    document.getElementById(NOTEBOOK_ROOT_ID) ?? document.body.appendChild(document.createElement("main"));
  const banner = new Banner();
  const uncaught = new UncaughtNotice(() => ({cells: page.cells, secrets: page.secrets()}));
  const cells = document.createElement("div");
  cells.className = "phx-cells";
  main.append(banner.element, uncaught.element, cells);
  const page = new NotebookPage(cells, notebook, {
    builtins: pageBuiltins(location.href, plugins, imports, trimmed),
    compile,
    bake: pageBakes(bakes, plugins, location.href)
  });
  // Before any cell runs: the runtime computes on the next frame.
  uncaught.listen(window);
  // Only a dev server's page has a hot context; a built page is read-only and loads no editor.
  if (import.meta.hot)
    acceptNotebookUpdates(import.meta.hot, file, page, banner, notebook.readonly ? undefined : editing);
  return page;
}
