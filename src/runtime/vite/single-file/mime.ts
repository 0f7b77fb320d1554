import {guessMimeType} from "../../stdlib/mime-type.ts";

// What a notebook attaches has its types in the stdlib; the build's own assets add stylesheets and fonts.
const ASSET_TYPES: Readonly<Record<string, string>> = {
  css: "text/css",
  mjs: "text/javascript",
  ttf: "font/ttf",
  woff: "font/woff",
  woff2: "font/woff2"
};

/** The type a single-file page gives a file's blob: URL or fetched response. */
export function mimeType(name: string): string {
  return ASSET_TYPES[/\.(\w+)$/.exec(name)?.[1]?.toLowerCase() ?? ""] ?? guessMimeType(name);
}
