/// <reference types="vite/client" />
// The module script of every notebook page: reads the notebook the shell embeds and runs it in <main>.
import "@observablehq/inspector/dist/inspector.css";
import "@observablehq/inputs/dist/index.css";
import "../display/display.css";
import "./page.css";
import {Banner} from "./banner.ts";
import {pageBuiltins} from "./builtins.ts";
import {acceptNotebookUpdates} from "./hot.ts";
import {NotebookPage} from "./notebook-page.ts";
import {readNotebookData} from "./read-notebook-data.ts";
import {NOTEBOOK_ROOT_ID} from "./protocol.ts";

const {file, notebook} = readNotebookData(document);
const main =
  document.getElementById(NOTEBOOK_ROOT_ID) ?? document.body.appendChild(document.createElement("main"));
const banner = new Banner();
const cells = document.createElement("div");
cells.className = "phx-cells";
main.append(banner.element, cells);
const page = new NotebookPage(cells, notebook, {builtins: pageBuiltins(location.href)});
if (import.meta.hot) acceptNotebookUpdates(import.meta.hot, file, page, banner);
