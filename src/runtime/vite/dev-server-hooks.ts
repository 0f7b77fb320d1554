import {readFile} from "node:fs/promises";
import type {IncomingMessage, ServerResponse} from "node:http";
import {join, resolve} from "node:path";
import {isFileLoadingAllowed, normalizePath, type ViteDevServer} from "vite";
import {HOT_ERROR_EVENT, HOT_UPDATE_EVENT, SAVE_URL} from "../client/protocol.ts";
import {parseNotebook} from "../notebook/parse.ts";
import type {Notebook} from "../notebook/types.ts";
import {FAVICON_FILES, faviconHref, faviconSource} from "./favicon.ts";
import {indexPage, type IndexEntry} from "./index-page.ts";
import {pageMeta} from "./page-meta.ts";
import {isNotebookHtml, listHtmlFiles, toPagePath} from "./notebooks.ts";
import {escapeHtml, notebookShell, pageClientUrl} from "./shell.ts";
import "../compile/typescript-node.ts";
import {forPage} from "../compile/typescript.ts";
import {isInside} from "./is-inside.ts";
import {DevLoaders} from "./dev-loaders.ts";
import {createEditTokens} from "./edit-token.ts";
import {saveEndpoint} from "./save-endpoint.ts";
import {packageServedDirs} from "./paths.ts";
import {servingRefusal} from "./served-path.ts";
import {sendFile} from "./static-files.ts";
import {watchHtmlFiles} from "./watch-files.ts";

/**
 * The dev server's side of notebookPlugin: `/` lists the notebooks, `/NAME.html` (or `/NAME`) is a notebook's
 * page, other files under `root` are sent as they are, and saving a notebook sends it to its open pages. A page
 * saves its own edits through SAVE_URL; they reach the other open pages the way a text editor's save does.
 */
export function serveNotebooks(server: ViteDevServer, root: string): void {
  const sent = new Map<string, string>(); // path → the source the pages last got; skips saves that change nothing
  const loaders = new DevLoaders();
  const tokens = createEditTokens();
  server.middlewares.use(SAVE_URL, saveEndpoint({root, tokens, saved: (path) => void pushUpdate(path)}));
  server.middlewares.use((request, response, next) => {
    handle(request, response).then(
      (handled) => handled || next(),
      (error: unknown) => next(error)
    );
  });
  const stop = watchHtmlFiles(root, (path) => void pushUpdate(path));
  server.httpServer?.once("close", stop);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const url = new URL(request.url ?? "/", "http://localhost");
    const pathname = decodePath(url.pathname);
    // A `%` not followed by two hex digits: the client's mistake, not the server's (before, a 500).
    if (pathname === undefined) return sendStatus(response, 400, `${url.pathname}: malformed URI`);
    // Vite's own URLs (/@vite/client, /@id/…) name no file; an /@fs/ URL into the served folder gets the
    // rules a plain one gets (one elsewhere is Vite's to check against server.fs.allow).
    if (/^\/@(vite|id)\//.test(pathname)) return false;
    const fsPath = pathname.startsWith("/@fs/") ? resolve(pathname.slice("/@fs".length)) : undefined;
    const path = fsPath ?? resolve(join(root, pathname));
    if (!isInside(root, path)) {
      // Elsewhere Vite checks server.fs.allow, which admits the package's folders whole: their dotfiles too.
      const outside =
        fsPath !== undefined && packageServedDirs.some((dir) => isInside(dir, fsPath))
          ? await servingRefusal(root, fsPath)
          : undefined;
      return outside === undefined ? false : sendForbidden(response, `${pathname}: ${outside}`);
    }
    if (fsPath === undefined && (await loaders.send(path, response))) return true;
    // Before anything else answers: a query (?import, ?raw) or a module request would go on to Vite.
    const refusal = await refuse(path);
    if (refusal !== undefined) return sendForbidden(response, `${pathname}: ${refusal}`);
    if (fsPath !== undefined) return false;
    const page = pathname.endsWith("/")
      ? join(path, "index.html")
      : path.endsWith(".html")
        ? path
        : `${path}.html`;
    const html =
      (await refuse(page)) === undefined ? await readFile(page, "utf8").catch(() => undefined) : undefined;
    if (html !== undefined && isNotebookHtml(html)) {
      const file = toPagePath(root, page);
      sent.set(page, html);
      let shell: string;
      try {
        const notebook = parseNotebook(html, file);
        loaders.track(page, notebook);
        // A readonly notebook is not edited in the page: its page gets no means to save.
        const editing = notebook.readonly ? undefined : {text: html, token: tokens.token(file)};
        shell = notebookShell(
          {file, notebook: forPage(notebook), ...(editing ? {editing} : {})},
          {clientUrl: pageClientUrl(file, notebook), favicon: faviconHref(file)}
        );
      } catch (error) {
        return sendHtml(response, errorPage(error), 500);
      }
      return sendHtml(response, await server.transformIndexHtml(url.pathname, shell));
    }
    // The listing, unless the directory has a notebook of that name (served above).
    if (pathname === "/" || pathname === "/index.html")
      return sendHtml(response, indexPage(await listIndex(), {favicon: "favicon.svg"}));
    // A module import (a worker task's module, say; ?import, ?t= …) goes to Vite, which resolves its
    // imports; anything else (fetch, FileAttachment) gets the file's bytes.
    if (url.search || isModuleRequest(request)) return false;
    if (await sendFile(path, response)) return true;
    // The site's icon, as a build puts it at the root (build-site.ts), unless the folder has its own.
    const icon = pathname.slice(1);
    return FAVICON_FILES.includes(icon) && sendFile(faviconSource(icon), response);
  }

  // Our rules (dotfiles, links out of the folder), and Vite's server.fs.deny (key files: *.pem, *.key, …),
  // which Vite applies to what it serves but our middleware, answering first, would bypass.
  async function refuse(path: string): Promise<string | undefined> {
    if (!isFileLoadingAllowed(server.config, normalizePath(path))) return "Vite's server.fs.deny names it";
    return servingRefusal(root, path);
  }

  async function listIndex(): Promise<IndexEntry[]> {
    const entries: IndexEntry[] = [];
    for (const {path, file} of await listHtmlFiles(root)) {
      const html = await readFile(path, "utf8");
      if (!isNotebookHtml(html)) continue;
      try {
        entries.push({href: file, ...pageMeta(parseNotebook(html, file))});
      } catch (error) {
        entries.push({href: file, title: file, error: String((error as Error).message)});
      }
    }
    return entries;
  }

  async function pushUpdate(path: string): Promise<void> {
    const html = await readFile(path, "utf8").catch(() => undefined);
    if (html === undefined || !isNotebookHtml(html) || sent.get(path) === html) return;
    sent.set(path, html);
    const file = toPagePath(root, path);
    const hot = server.environments.client.hot;
    let notebook: Notebook;
    try {
      notebook = parseNotebook(html, file);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      hot.send(HOT_ERROR_EVENT, {file, message});
      server.config.logger.warn(message, {timestamp: true});
      return;
    }
    loaders.track(path, notebook);
    hot.send(HOT_UPDATE_EVENT, {file, notebook: forPage(notebook), text: html});
    server.config.logger.info(`notebook updated: ${file}`, {timestamp: true});
  }
}

function isModuleRequest(request: IncomingMessage): boolean {
  const destination = request.headers["sec-fetch-dest"];
  return destination === "script" || destination === "worker" || destination === "style";
}

function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined; // URIError
  }
}

function sendForbidden(response: ServerResponse, reason: string): true {
  return sendStatus(response, 403, reason);
}

function sendStatus(response: ServerResponse, status: 400 | 403, reason: string): true {
  const text = status === 400 ? "Bad Request" : "Forbidden";
  response.writeHead(status, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache"});
  response.end(`${status} ${text}: ${reason}\n`);
  return true;
}

function sendHtml(response: ServerResponse, html: string, status = 200): true {
  response.writeHead(status, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"});
  response.end(html);
  return true;
}

function errorPage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `<!doctype html><meta charset="utf-8"><title>Notebook error</title>
<pre style="margin: 2rem; color: #c62828; white-space: pre-wrap">${escapeHtml(message)}\n\nFix the file and reload.</pre>\n`;
}
