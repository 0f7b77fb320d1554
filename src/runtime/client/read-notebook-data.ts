import {NOTEBOOK_DATA_ID, type NotebookData} from "./protocol.ts";

/** The notebook the page shell embeds as JSON (see notebookShell). */
export function readNotebookData(document: Document): NotebookData {
  const script = document.getElementById(NOTEBOOK_DATA_ID);
  if (!script?.textContent) throw new Error(`this page has no notebook (no #${NOTEBOOK_DATA_ID} script)`);
  return JSON.parse(script.textContent) as NotebookData;
}
