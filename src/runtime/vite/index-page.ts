import {escapeHtml, policyMeta, type ShellOptions} from "./shell.ts";

/** One notebook in the index. */
export interface IndexEntry {
  /** The page's path relative to the index, e.g. "penguins.html". */
  readonly href: string;
  readonly title: string;
  /** The notebook's first paragraph (see pageMeta). Default: none shown. */
  readonly description?: string;
  /** Why the notebook cannot be opened (dev server only: a build stops on it). */
  readonly error?: string;
}

/** The page listing the notebooks of a directory; plain HTML, no script. `policy`, `favicon`: as notebookShell's. */
export function indexPage(entries: readonly IndexEntry[], {policy, favicon}: ShellOptions = {}): string {
  const items = entries.map((entry) => {
    const link = `<a href="${escapeHtml(pageHref(entry.href))}">${escapeHtml(entry.title)}</a>`;
    const file = `<span class="file">${escapeHtml(entry.href)}</span>`;
    const about = entry.description ? `<p>${escapeHtml(entry.description)}</p>` : "";
    const error = entry.error ? `<div class="error">${escapeHtml(entry.error)}</div>` : "";
    return `  <li>${link} ${file}${about}${error}</li>`;
  });
  const list = items.length ? `<ul>\n${items.join("\n")}\n</ul>` : `<p>No notebooks here yet.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">${policy === undefined ? "" : `\n${policyMeta(policy)}`}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Notebooks</title>${favicon === undefined ? "" : `\n<link rel="icon" href="${escapeHtml(favicon)}" type="image/svg+xml">`}
<style>
  body { margin: 0; color: #1c1f24; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { box-sizing: border-box; max-width: 960px; margin: 0 auto; padding: 2rem 1.5rem 5rem; }
  h1 { font-size: 2rem; margin: 0.5em 0 1em; }
  ul { list-style: none; padding: 0; }
  li { padding: 0.75rem 0; border-bottom: 1px solid #e4e6ea; }
  a { color: #3b6fd8; font-size: 1.1rem; text-decoration: none; }
  a:hover { text-decoration: underline; }
  li p { margin: 0.25rem 0 0; color: #3c424c; }
  .file { margin-left: 0.5rem; color: #5f6672; font: 13px ui-monospace, Menlo, Consolas, monospace; }
  .error { margin-top: 0.25rem; color: #c62828; font: 13px ui-monospace, Menlo, Consolas, monospace; }
</style>
</head>
<body>
<main>
<h1>Notebooks</h1>
${list}
</main>
</body>
</html>
`;
}

/**
 * A page's path as a link that can only be that file: each segment encoded whole (`:`, `#`, `?` included) and
 * the path begun with `./`, so that a file named `javascript:….html` is never read as a scheme.
 */
function pageHref(path: string): string {
  return `./${path.split("/").map(encodeURIComponent).join("/")}`;
}
