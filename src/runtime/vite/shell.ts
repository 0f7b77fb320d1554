import {NOTEBOOK_DATA_ID, NOTEBOOK_ROOT_ID, type NotebookData} from "../client/protocol.ts";
import {notebookImports} from "../compile/notebook-imports.ts";
import type {Notebook} from "../notebook/types.ts";
import {CLIENT_URL} from "./paths.ts";
import {pageMeta, type PageMeta} from "./page-meta.ts";

/** Options of notebookShell. */
export interface ShellOptions {
  /** The page's Content-Security-Policy (see pagePolicy), as a <meta>. Default: none (the dev server's page). */
  readonly policy?: string;
  /** The page's module script. Default: the client every page shares (see pageClientUrl). */
  readonly clientUrl?: string;
  /** The site's icon, relative to the page (a built site's favicon.svg). Default: none linked. */
  readonly favicon?: string;
}

/**
 * The module script of a notebook's page: the shared client, or, when its JavaScript cells import modules,
 * the client with those modules bundled in (the plugin writes it for the page: `?page=` names the notebook).
 * Without `notebook`, always the page's own (a built page's, which imports its compiled cells).
 */
export function pageClientUrl(file: string, notebook?: Notebook): string {
  const own = notebook === undefined || notebookImports(notebook).length > 0;
  return own ? `${CLIENT_URL}?page=${encodeURIComponent(file)}` : CLIENT_URL;
}

/**
 * The page of one notebook: the notebook embedded as JSON and the client's module script, which renders
 * the cells into <main>. Vite turns the script into a bundled asset (build) or a served module (dev).
 */
export function notebookShell(
  data: NotebookData,
  {policy, clientUrl = CLIENT_URL, favicon}: ShellOptions = {}
): string {
  const meta = pageMeta(data.notebook);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">${policy === undefined ? "" : `\n${policyMeta(policy)}`}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}</title>
${metaTags(meta, favicon)}
</head>
<body>
<main id="${NOTEBOOK_ROOT_ID}"></main>
<script type="application/json" id="${NOTEBOOK_DATA_ID}">${embedJson(data)}</script>
<script type="module" src="${escapeHtml(clientUrl)}"></script>
</body>
</html>
`;
}

/**
 * The <head> tags of a page's meta: description, Open Graph title and description, and the icon at
 * `favicon` (a URL relative to the page). Every value escaped: a title may hold markup.
 */
export function metaTags({title, description}: PageMeta, favicon?: string): string {
  const tags = [
    ...(description ? [`<meta name="description" content="${escapeHtml(description)}">`] : []),
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    ...(description ? [`<meta property="og:description" content="${escapeHtml(description)}">`] : []),
    `<meta property="og:type" content="article">`,
    ...(favicon ? [`<link rel="icon" href="${escapeHtml(favicon)}" type="image/svg+xml">`] : [])
  ];
  return tags.join("\n");
}

/** A policy as a <meta>: it covers only what comes after it in the page, so it goes first in <head>. */
export function policyMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`;
}

/** JSON that cannot end its <script> early: every `<` (as in `</script>` or `<!--`) is written as \u003c. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
