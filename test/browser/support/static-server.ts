import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, resolve, sep} from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".json": "application/json"
};

/** A plain static file server on 127.0.0.1 and a random port, like any a user would publish a build with. */
export async function serveStatic(root: string): Promise<{origin: string; close(): Promise<void>}> {
  const base = resolve(root);
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let path = resolve(join(base, pathname));
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
