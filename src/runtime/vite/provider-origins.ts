import type {Notebook} from "../notebook/types.ts";

// `baseURL: "…"` (key quoted or not) with a literal string: one that holds no `${`, quote or backslash.
const LITERAL_BASE_URL = /\bbaseURL["']?\s*:\s*(["'`])([^"'`\\$\s]+)\1/g;

/**
 * The origins of the embedding providers a notebook names by a literal `baseURL` (`px.embed`'s
 * `{provider: "openai-compatible", baseURL}`), in order, once each: a built page may connect to them. A
 * baseURL computed at run time is not found; its requests are then held to the page's own origin.
 */
export function providerOrigins(notebook: Notebook): string[] {
  const origins = new Set<string>();
  for (const cell of notebook.cells) {
    for (const [, , url] of cell.source.matchAll(LITERAL_BASE_URL)) {
      const origin = httpOrigin(url!);
      if (origin) origins.add(origin);
    }
  }
  return [...origins];
}

function httpOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : undefined;
  } catch {
    return undefined; // not a URL: the cell fails at run time with embed's own error
  }
}
