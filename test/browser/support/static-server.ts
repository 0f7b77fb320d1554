import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, resolve, sep} from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm"
};

export interface StaticServerOptions {
  /** URL prefixes served from other directories, e.g. {"/datasets/": "test/fixtures/datasets"}. */
  readonly mounts?: Readonly<Record<string, string>>;
  /** Answers a request before the files do (an API for the page); returns whether it did. */
  readonly handle?: (request: IncomingMessage, response: ServerResponse) => boolean | Promise<boolean>;
}

/** A plain static file server on 127.0.0.1 and a random port, like any a user would publish a build with. */
export async function serveStatic(
  root: string,
  {mounts = {}, handle}: StaticServerOptions = {}
): Promise<{origin: string; close(): Promise<void>}> {
  const server: Server = createServer(async (request, response) => {
    if (handle && (await handle(request, response))) return;
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const mount = Object.keys(mounts).find((prefix) => pathname.startsWith(prefix));
    const base = resolve(mount ? mounts[mount]! : root);
    let path = resolve(join(base, mount ? pathname.slice(mount.length) : pathname));
    if (pathname.endsWith("/")) path = join(path, "index.html");
    const stats = path === base || path.startsWith(base + sep) ? await stat(path).catch(() => null) : null;
    if (!stats?.isFile()) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, {"Content-Type": types[extname(path)] ?? "application/octet-stream"});
    createReadStream(path).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      })
  };
}
