import {createHash} from "node:crypto";

/** How many of htl's attribute placeholders the policy lets by (see PLACEHOLDER_HASHES). */
export const HTL_PLACEHOLDERS = 64;

// htl (`html`, and the copy inside Inputs) renders `<input oninput=${f}>` as `oninput="::3"` in a template,
// imports it into the page, then swaps the attribute for the property `oninput = f`. Setting that attribute
// is an inline handler to Chromium, which reports a violation even though the handler would never run. The
// hashes of "::0" … "::63" let exactly those through; none of them is JavaScript (it cannot compile), so
// an injected onerror="::1" runs nothing either.
export const PLACEHOLDER_HASHES: readonly string[] = Array.from(
  {length: HTL_PLACEHOLDERS},
  (_, i) => `'sha256-${createHash("sha256").update(`::${i}`).digest("base64")}'`
);

/**
 * The Content-Security-Policy of a built page (README, "What a published page may load"). Data a notebook
 * shows is rendered as HTML (`md`, `html`, as in Observable), so markup from a row can reach the page; the
 * policy keeps it from running script or loading anything off the page's own origin. `connect` lists the
 * other origins the page may call (an embedding provider's).
 */
export function pagePolicy(connect: readonly string[] = []): string {
  const directives: (readonly [string, ...string[]])[] = [
    ["default-src", "'self'"],
    // No 'unsafe-inline': no inline <script>, no onerror= handler, no javascript: URL runs. The cells need no
    // 'unsafe-eval' (the build writes them as functions, see compile/ahead.ts; test/browser/built-cells runs a
    // page without it), but libraries compile code in the page: d3-dsv's row converter (FileAttachment.csv,
    // d3.csvParse in a cell) and Arrow's validity checks (tables built in the page); dropping it breaks those.
    // WebAssembly (Parquet, the UMAP kernel) is compiled from own files.
    ["script-src", "'self'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", ...PLACEHOLDER_HASHES],
    // blob: for workers a page's script starts from its own files (duckdb-wasm's): they run under this policy.
    ["worker-src", "'self'", "blob:"],
    ["connect-src", "'self'", ...connect],
    ["img-src", "'self'", "data:", "blob:"],
    // Plot, the Inspector, Inputs and the views set style attributes; a style cannot run script.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"]
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}
