import type {Notebook} from "../notebook/types.ts";

// What the page shell, the client and the dev server agree on. Kept free of DOM and Node imports so that
// both sides can load it.

/** The id of the `<script type="application/json">` in the page shell that carries the notebook. */
export const NOTEBOOK_DATA_ID = "phoenix-notebook-data";

/** The id of the `<main>` element the client renders cells into (also what `width` follows). */
export const NOTEBOOK_ROOT_ID = "phoenix-notebook";

/** The dev server's custom HMR events. */
export const HOT_UPDATE_EVENT = "phoenix-notebook:update";
export const HOT_ERROR_EVENT = "phoenix-notebook:error";

/** The notebook embedded in the page shell. */
export interface NotebookData {
  /** The notebook file's path relative to the served directory, e.g. "penguins.html"; keys hot updates. */
  readonly file: string;
  readonly notebook: Notebook;
}

/** Sent when a notebook file was saved and parses. */
export type HotUpdate = NotebookData;

/** Sent when a saved notebook file does not parse; the page keeps running its last good version. */
export interface HotError {
  readonly file: string;
  /** The parse error, naming the file and line. */
  readonly message: string;
}

// Types the events for both ends: `hot.on(HOT_UPDATE_EVENT, …)` in the page, `hot.send(…)` in the server.
declare module "vite/types/customEvent.d.ts" {
  interface CustomEventMap {
    "phoenix-notebook:update": HotUpdate;
    "phoenix-notebook:error": HotError;
  }
}
