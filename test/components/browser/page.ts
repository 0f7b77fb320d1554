import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {createServer} from "node:http";
import type {AddressInfo} from "node:net";
import {tmpdir} from "node:os";
import {extname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "vite";

// The page: its script (page-main.ts) bundled by Vite with the components, and the digits results as data.json.
const main = (root: string) =>
  `import ${JSON.stringify(join(root, "test/components/browser/page-main.ts"))};\n`;

/** Builds the page with `data` as data.json and serves it on 127.0.0.1. */
export async function serveComponentsPage(data: string): Promise<{origin: string; close(): Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-components-"));
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  await writeFile(join(dir, "main.js"), main(root));
  await writeFile(
    join(dir, "index.html"),
    `<!doctype html><html><body style="margin: 16px; font-family: sans-serif"><script type="module" src="./main.js"></script></body></html>`
  );
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    build: {outDir: join(dir, "dist"), emptyOutDir: true}
  });
  await writeFile(join(dir, "dist", "data.json"), data);
  const types: Record<string, string> = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".json": "application/json"
  };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = join(dir, "dist", path === "/" ? "index.html" : path.replace(/\.\.+/g, ""));
    readFile(file).then(
      (bytes) =>
        response
          .writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"})
          .end(bytes),
      () => response.writeHead(404).end()
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, {recursive: true, force: true});
    }
  };
}
