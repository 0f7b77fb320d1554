import {resolve} from "node:path";
import {createServer, type LogLevel} from "vite";
import {notebookPlugin} from "./plugin.ts";

/** Options of startDevServer. */
export interface DevServerOptions {
  /** The directory of notebooks to serve. */
  readonly root: string;
  /** The port; 0 picks a free one. Default: 5173, or the next free port after it. */
  readonly port?: number;
  /** Fail when `port` is taken instead of trying the next one. Default: false. */
  readonly strictPort?: boolean;
  /** Vite's console output. Default: "info". */
  readonly logLevel?: LogLevel;
  /** Modules of NotebookPlugins every page loads (absolute paths; see NotebookPluginOptions). Default: none. */
  readonly pagePlugins?: readonly string[];
}

/** A running dev server. */
export interface DevServer {
  /** The index page's URL, e.g. "http://127.0.0.1:5173/". */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a directory of notebooks on 127.0.0.1 only (never on other interfaces: cells run arbitrary code), to
 * pages of its own origin only (no CORS grant to another, not even another port of localhost).
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = resolve(options.root);
  const server = await createServer({
    configFile: false,
    root,
    logLevel: options.logLevel ?? "info",
    clearScreen: false,
    plugins: [notebookPlugin({root, pagePlugins: options.pagePlugins})],
    server: {
      host: "127.0.0.1",
      port: options.port ?? 5173,
      strictPort: options.strictPort ?? false,
      // No CORS grant for any other origin (Vite's default grants every localhost port): a page served there
      // could otherwise read a notebook's source and its save token. The page, its workers and the HMR
      // websocket are all of this server's origin and need none.
      cors: false
    }
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    throw error;
  }
  const address = server.httpServer?.address();
  const url =
    server.resolvedUrls?.local[0] ??
    (typeof address === "object" && address ? `http://127.0.0.1:${address.port}/` : "http://127.0.0.1/");
  return {url, close: () => server.close()};
}
