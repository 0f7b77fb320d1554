// Pages only (Vite): sql.js's WebAssembly, copied into the built site and loaded from it, never from a CDN.
// Node never imports this module (its sql.js build reads the .wasm beside itself).
import wasmUrl from "sql.js/dist/sql-wasm-browser.wasm?url";

/** sql.js's locateFile for a page: its one file, the .wasm, is the site's copy. */
export const locateFile = (): string => wasmUrl;
