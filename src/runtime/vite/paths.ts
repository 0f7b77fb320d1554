import {existsSync, realpathSync} from "node:fs";
import {createRequire} from "node:module";
import {basename, dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const require = createRequire(import.meta.url);

/** The page client (startPage), which the page's module script starts. */
export const clientEntry = fileURLToPath(new URL("../client/entry.ts", import.meta.url));

/** The page's editor (CodeMirror), which only a dev server's page loads (see client/hot.ts). */
export const editorEntry = fileURLToPath(new URL("../client/edit/start-editing.ts", import.meta.url));

/** The runtime's Web Worker entry, which a page may load too (see src/runtime/worker/browser-spawn.ts). */
export const workerEntry = fileURLToPath(new URL("../worker/browser-entry.ts", import.meta.url));

/** The phoenix-notebook package: its code and node_modules are served to pages in dev. */
export const packageRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The folder of the running code: src/ in the repository, the compiled dist/ in an installed package. */
const codeRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

// Installed, the package sits in a project's node_modules, where npm puts its dependencies beside it.
const enclosingModules = basename(dirname(packageRoot)) === "node_modules" ? [dirname(packageRoot)] : [];

/**
 * The folders a page loads from in dev: the client's code, the package's assets (the word list) and its
 * dependencies (Vite's pre-bundled ones included). The rest of the package (package.json, tests, .git) is
 * not served.
 */
export const packageServedDirs: readonly string[] = [
  codeRoot,
  join(packageRoot, "assets"),
  join(packageRoot, "node_modules"),
  ...realModules(join(packageRoot, "node_modules")),
  ...enclosingModules
];

// Vite checks the real path of a file a stylesheet names (KaTeX's fonts): a node_modules that is a link (a git
// worktree sharing another's, pnpm's store) is allowed where it really is too.
function realModules(path: string): string[] {
  const real = existsSync(path) ? realpathSync(path) : path;
  return real === path ? [] : [real];
}

/** Where Vite keeps pre-bundled dependencies: in the package, never in the user's notebook directory. */
export const viteCacheDir = join(packageRoot, "node_modules", ".vite", "phoenix-notebook");

/** The URL the page shell loads the client from; the plugin resolves it to `clientEntry`. */
export const CLIENT_URL = "/@phoenix-notebook/client.ts";

/** The Inspector's stylesheet, which its package.json `exports` does not list, so Vite cannot resolve it. */
export const INSPECTOR_CSS = "@observablehq/inspector/dist/inspector.css";
export const inspectorCssFile = join(
  dirname(require.resolve("@observablehq/inspector")),
  "..",
  "dist",
  "inspector.css"
);
