import {lstat, readFile, writeFile} from "node:fs/promises";
import type {IncomingMessage, ServerResponse} from "node:http";
import {basename, dirname, join, resolve} from "node:path";
import {SAVE_TOKEN_HEADER, type SaveRequest, type SaveResponse} from "../client/protocol.ts";
import {parseNotebook} from "../notebook/parse.ts";
import type {EditTokens} from "./edit-token.ts";
import {isInside} from "./is-inside.ts";
import {isNotebookHtml, toPagePath} from "./notebooks.ts";
import {servingRefusal} from "./served-path.ts";
import {isReadOnly, ReadOnlyFileError, writeAtomic} from "./write-atomic.ts";

/** Options of saveEndpoint. */
export interface SaveEndpointOptions {
  /** The served folder (absolute). */
  readonly root: string;
  readonly tokens: EditTokens;
  /** Called after the notebook at `path` was written (to send it to the other open pages). */
  readonly saved: (path: string) => void;
}

const MAX_BYTES = 16 * 1024 * 1024;

/**
 * The dev server's only write path: a page saves the notebook it was served from. A request is refused unless
 * it comes from the server's own origin (Origin, and a Host naming this machine, against DNS rebinding), carries
 * the token of that file (see EditTokens) and names a notebook file in the served folder that is no dotfile and
 * no symbolic link. A file that is read-only (no write permission for its owner, or none for this process) or
 * whose notebook is now marked `readonly` is refused, whatever the page was served with. A save made on a text
 * that is no longer the file's is answered with a conflict, never written over; the file is replaced atomically.
 */
export function saveEndpoint({root, tokens, saved}: SaveEndpointOptions) {
  const queues = new Map<string, Promise<void>>();
  return (request: IncomingMessage, response: ServerResponse): void => {
    void answer(request).then(
      ([status, body]) => send(response, status, body),
      (error: unknown) => send(response, 500, {status: "refused", reason: String(error)})
    );
  };

  async function answer(request: IncomingMessage): Promise<[number, SaveResponse]> {
    const refused = (status: number, reason: string): [number, SaveResponse] => [
      status,
      {status: "refused", reason}
    ];
    if (request.method !== "POST") return refused(405, "saves are POSTed");
    const origin = originRefusal(request);
    if (origin) return refused(403, origin);
    if (!/^application\/json\b/.test(request.headers["content-type"] ?? ""))
      return refused(400, "a save is JSON");
    const save = parseSave(await readBody(request));
    if (!save) return refused(400, "expected {file, base, text[, keep]}");
    const token = request.headers[SAVE_TOKEN_HEADER];
    if (typeof token !== "string" || !tokens.verify(save.file, token))
      return refused(403, `this page was not served for ${save.file}`);
    const path = resolve(root, save.file);
    const where = await pathRefusal(path);
    if (where) return refused(403, `${save.file}: ${where}`);
    try {
      parseNotebook(save.text, save.file);
    } catch (error) {
      return refused(400, `the new text is no notebook: ${(error as Error).message}`);
    }
    // One save of a file at a time, from reading it to writing it: two made on the same text (two tabs) would
    // otherwise both find it unchanged and both be written, the first lost without a conflict.
    return inTurn(path, async (): Promise<[number, SaveResponse]> => {
      const current = await readFile(path, "utf8");
      if (!isNotebookHtml(current)) return refused(403, `${save.file} is no notebook`);
      // The file as it is now, not as the page was served: its author may have locked it since.
      if (markedReadonly(current))
        return [403, {status: "refused", reason: `${save.file} is marked readonly`, readonly: true}];
      if (await isReadOnly(path)) return refused(403, `${save.file} is read-only`);
      if (save.keep === "theirs")
        return [200, {status: "saved", copy: await keepCopy(path, save.text, "mine")}];
      if (current !== save.base) return [409, {status: "conflict", theirs: current}];
      const copy = save.keep === "mine" ? await keepCopy(path, current, "theirs") : undefined;
      try {
        await writeAtomic(path, save.text);
      } catch (error) {
        if (error instanceof ReadOnlyFileError) return refused(403, `${save.file} is read-only`);
        throw error;
      }
      saved(path);
      return [200, copy === undefined ? {status: "saved"} : {status: "saved", copy}];
    });
  }

  /** Runs `task` once every task queued for `path` before it has ended. */
  function inTurn<T>(path: string, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(path) ?? Promise.resolve();
    const result = previous.then(task, task);
    const settled = result.then(
      () => {},
      () => {}
    );
    queues.set(path, settled);
    void settled.then(() => queues.get(path) === settled && queues.delete(path));
    return result;
  }

  async function pathRefusal(path: string): Promise<string | undefined> {
    if (!isInside(root, path) || path === root || !path.endsWith(".html"))
      return "not a notebook of this folder";
    const info = await lstat(path).catch(() => undefined);
    if (!info) return "no such file";
    if (info.isSymbolicLink() || !info.isFile()) return "not a plain file";
    return servingRefusal(root, path);
  }

  // The other version of a conflict, beside the notebook: `NAME.conflict-STAMP-mine.html`, itself a notebook.
  async function keepCopy(path: string, text: string, whose: "mine" | "theirs"): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const copy = join(dirname(path), `${basename(path, ".html")}.conflict-${stamp}-${whose}.html`);
    await writeFile(copy, text, {flag: "wx"});
    return toPagePath(root, copy);
  }
}

/** Whether a notebook file's text says `<notebook readonly>` (a text that does not parse says nothing). */
function markedReadonly(text: string): boolean {
  try {
    return parseNotebook(text).readonly === true;
  } catch {
    return false;
  }
}

/** Why a request may not come from the page: another origin, or a Host that is not this machine. */
function originRefusal(request: IncomingMessage): string | undefined {
  const host = request.headers.host ?? "";
  if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host)) return `host ${host} is not this machine`;
  const origin = request.headers.origin;
  if (origin !== `http://${host}`) return `origin ${origin ?? "(none)"} is not this server's`;
  const site = request.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return `a ${site} request`;
  return undefined;
}

function parseSave(body: string | undefined): SaveRequest | undefined {
  if (body === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const {file, base, text, keep} = value as Record<string, unknown>;
  if (typeof file !== "string" || typeof base !== "string" || typeof text !== "string") return undefined;
  if (keep !== undefined && keep !== "mine" && keep !== "theirs") return undefined;
  return keep === undefined ? {file, base, text} : {file, base, text, keep};
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body: SaveResponse): void {
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store"
  });
  response.end(JSON.stringify(body));
}
