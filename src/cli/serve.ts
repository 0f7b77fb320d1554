import {dirname} from "node:path";
import {createServer} from "node:net";
import {stat} from "node:fs/promises";
import {parseArgs} from "node:util";
import {startDevServer} from "../runtime/vite/dev-server.ts";
import {openBrowser} from "./open-browser.ts";
import {pagePlugin} from "../bindings/index.ts";
import {UsageError} from "./usage-error.ts";

/** `phoenix-notebook serve [DIR] [--port N] [--open]`: resolves when the server stops (Ctrl-C). */
export async function serve(args: string[]): Promise<number> {
  const {root, port, open} = parseServeArgs(args);
  const stats = await stat(root).catch(() => undefined);
  if (stats?.isFile())
    throw new UsageError(
      `${root} is a file: serve takes the folder that holds it (phoenix-notebook serve ${dirname(root)})`
    );
  if (!stats?.isDirectory()) throw new UsageError(`no such directory: ${root}`);
  return serveFolder(root, {port, open: open ? "" : null});
}

/**
 * Serves `root` until Ctrl-C. `open` is the page to open in the browser, relative to the root ("" for the
 * index), or null to open none. Resolves to the exit code when the server stops.
 */
export async function serveFolder(
  root: string,
  {port, open}: {port: number | undefined; open: string | null}
): Promise<number> {
  const server = await startDevServer({
    root,
    port: port ?? 5173,
    strictPort: port !== undefined,
    pagePlugins: [pagePlugin]
  }).catch((error: Error & {code?: string}) => {
    // Vite says "Port N is already in use" (strictPort) where Node says EADDRINUSE: either is the user's pick.
    if (error.code === "EADDRINUSE" || /already in use/i.test(error.message))
      throw new UsageError(`--port ${port}: the port is in use (choose another, or leave --port out)`);
    throw error;
  });
  console.log(`phoenix-notebook: serving ${root} at ${server.url}`);
  if (open !== null) openBrowser(new URL(open.split("/").map(encodeURIComponent).join("/"), server.url).href);
  // Ctrl-C closes the server and the command exits 0. (Vite itself answers SIGTERM: close, exit 143.)
  await new Promise<void>((resolve) =>
    process.once("SIGINT", () => void server.close().then(resolve, resolve))
  );
  return 0;
}

function parseServeArgs(args: string[]): {root: string; port: number | undefined; open: boolean} {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {port: {type: "string"}, open: {type: "boolean", default: false}}
    });
  } catch (error) {
    throw new UsageError(`serve: ${(error as Error).message}`);
  }
  const {positionals, values} = parsed;
  if (positionals.length > 1)
    throw new UsageError(`serve takes one directory (got ${positionals.join(", ")})`);
  return {root: positionals[0] ?? "notebooks", port: parsePort(values.port), open: values.open ?? false};
}

/** `--port N`: a port number (0 picks a free one), or undefined when not given. */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Digits only: Number() reads "" and " " as 0 (any port) and "0x50" as 80.
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: "${value}" is not a port number (0 to 65535)`);
  return port;
}

/**
 * Refuses a --port that is in use, before the command writes anything (`open` and `new --open` write the
 * notebook first, then serve): the same refusal serveFolder gives, earlier. Port 0 and none are always free.
 */
export async function checkPortFree(port: number | undefined): Promise<void> {
  if (!port) return;
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
  if (!free) throw new UsageError(`--port ${port}: the port is in use (choose another, or leave --port out)`);
}
