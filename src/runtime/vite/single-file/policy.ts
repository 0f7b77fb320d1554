import {PLACEHOLDER_HASHES} from "../page-policy.ts";

/**
 * The Content-Security-Policy of a single-file page (README, Security). Its one inline script is allowed by
 * its hash; the code it serves runs from blob: URLs the script creates from the page's own inert blocks (a
 * blob: URL exists only once this page's script made it: markup from data cannot name one that runs).
 * Nothing is allowed from `file:` or any host but the embedding providers the cells name, so the page
 * requests nothing beside itself even when a file is missing from it.
 */
export function singleFilePolicy(bootstrapHash: string, connect: readonly string[] = []): string {
  const directives: (readonly [string, ...string[]])[] = [
    ["default-src", "'none'"],
    // 'unsafe-eval' and 'wasm-unsafe-eval' as in a built site (page-policy.ts); blob: for the chunks and workers.
    [
      "script-src",
      `'sha256-${bootstrapHash}'`,
      "blob:",
      "'unsafe-eval'",
      "'wasm-unsafe-eval'",
      "'unsafe-hashes'",
      ...PLACEHOLDER_HASHES
    ],
    ["worker-src", "blob:"],
    // blob: and data: are the page's own bytes (WebAssembly and files read through fetch).
    ["connect-src", "blob:", "data:", ...connect],
    ["img-src", "data:", "blob:"],
    // Fonts are data: URLs (bootstrap.ts: every file but scripts and stylesheets).
    ["font-src", "data:"],
    ["style-src", "blob:", "'unsafe-inline'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'none'"]
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}
