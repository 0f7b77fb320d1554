/**
 * The bindings: what joins the Phoenix cells (src/index.ts) and views (src/components) to notebooks, as
 * NotebookPlugins of the runtime (which knows neither). The command line hands these modules to the runtime:
 * the runner's notebook thread imports `nodePlugin`, every page imports `pagePlugin`.
 */
import {fileURLToPath} from "node:url";

/** The module whose default export is the Phoenix plugin for Node (px, phx, exports saved to disk). */
export const nodePlugin: URL = new URL("./node.ts", import.meta.url);

/** The path of the module whose default export is the Phoenix plugin for pages (downloads, Web Workers). */
export const pagePlugin: string = fileURLToPath(new URL("./page.ts", import.meta.url));
