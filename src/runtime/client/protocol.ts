import type {BakeManifest} from "../bake/types.ts";
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

/** Where a dev server's page saves its notebook (POST a SaveRequest). */
export const SAVE_URL = "/@phoenix-notebook/save";

/** The header that carries EditData.token with a SaveRequest. */
export const SAVE_TOKEN_HEADER = "x-phoenix-notebook-token";

/** The notebook embedded in the page shell. */
export interface NotebookData {
  /** The notebook file's path relative to the served directory, e.g. "penguins.html"; keys hot updates. */
  readonly file: string;
  readonly notebook: Notebook;
  /** What the page needs to edit and save its notebook: only in a dev server's page, never in a built one. */
  readonly editing?: EditData;
  /** The cells `build --bake` baked: only in a built page. */
  readonly bakes?: BakeManifest;
}

/** A dev server page's means to save: the file as served, and the token that lets it write that file alone. */
export interface EditData {
  /** The notebook file's text when the page was served (what the page's edits are spliced into). */
  readonly text: string;
  /** Proof that a save comes from a page served for this file (an HMAC of the file under a per-server key). */
  readonly token: string;
}

/** Sent when a notebook file was saved and parses. */
export interface HotUpdate extends NotebookData {
  /** The file's text as saved. */
  readonly text: string;
}

/** What the page posts to SAVE_URL. */
export interface SaveRequest {
  /** The notebook file, as NotebookData.file names it. */
  readonly file: string;
  /** The file's text this edit was made on: the save is refused (409) when the file on disk is no longer it. */
  readonly base: string;
  /** The new text of the file. */
  readonly text: string;
  /**
   * After a conflict: "mine" writes `text` over the file and keeps the file's text as a copy beside it;
   * "theirs" writes `text` only as a copy, leaving the file as it is. Default: neither (a plain save).
   */
  readonly keep?: "mine" | "theirs";
}

/** The dev server's answer to a SaveRequest. */
export type SaveResponse =
  | {readonly status: "saved"; readonly copy?: string} // copy: the page path of the other version, if kept
  | {readonly status: "conflict"; readonly theirs: string} // 409: the file changed; theirs is its text now
  // 400 or 403; readonly: the notebook is now marked `<notebook readonly>` on disk (the page stops editing)
  | {readonly status: "refused"; readonly reason: string; readonly readonly?: true};

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
