import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {build} from "vite";
import {serveStatic, type StaticServerOptions} from "./static-server.ts";

/**
 * A test page whose module script is `script` (imports by absolute path are fine), bundled by Vite as a user's
 * page would be, then served on 127.0.0.1 with the server options (mounted fixture folders, an API).
 * `minify: false` keeps the functions' names (for a CPU profile to read).
 */
export async function serveBundledPage(
  script: string,
  options: StaticServerOptions & {
    body?: string;
    files?: Readonly<Record<string, string>>;
    minify?: boolean;
  } = {}
): Promise<{origin: string; close(): Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), "phoenix-page-"));
  await writeFile(join(dir, "main.js"), script);
  const body = options.body ?? "";
  await writeFile(
    join(dir, "index.html"),
    `<!doctype html><html><body${body}><script type="module" src="./main.js"></script></body></html>`
  );
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    build: {outDir: join(dir, "dist"), emptyOutDir: true, minify: options.minify ?? true}
  });
  for (const [name, content] of Object.entries(options.files ?? {}))
    await writeFile(join(dir, "dist", name), content);
  const server = await serveStatic(join(dir, "dist"), options);
  return {
    origin: server.origin,
    close: async () => {
      await server.close();
      await rm(dir, {recursive: true, force: true});
    }
  };
}
