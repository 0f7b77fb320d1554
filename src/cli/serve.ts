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
  if (!stats?.isDirectory()) throw new UsageError(`no such directory: ${root}`);
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
  if (open) openBrowser(server.url);
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
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port: "${values.port}" is not a port number (0 to 65535)`);
  }
  return {root: positionals[0] ?? "notebooks", port, open: values.open ?? false};
}
