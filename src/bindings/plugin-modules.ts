// Where the Phoenix plugins live, for the CLI to hand to the runtime (which imports them by URL or path).
import {fileURLToPath} from "node:url";

/** The module whose default export is the Phoenix plugin for Node (px, phx, exports saved to disk). */
export const nodePlugin: URL = new URL("./node.ts", import.meta.url);

/** The path of the module whose default export is the Phoenix plugin for pages (downloads, Web Workers). */
export const pagePlugin: string = fileURLToPath(new URL("./page.ts", import.meta.url));
