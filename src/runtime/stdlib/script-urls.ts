// Attributes whose URL a browser navigates to or loads, where a `javascript:` URL would run as script.
const URL_ATTRIBUTES = ["href", "xlink:href", "src", "action", "formaction"];

const DOCUMENT_ELEMENTS = "meta, base";

/**
 * Removes the <meta> and <base> elements under `root`, and every `javascript:` URL from the others
 * (the attribute goes; the element and its text stay), so that a link in rendered Markdown, or in data interpolated into it, cannot run script when
 * clicked. Elements are matched after HTML parsing, so entities (`&#106;avascript:`) are already decoded.
 */
export function removeScriptUrls(root: Element): void {
  // Elements that act on the whole document, not where they stand: a refresh <meta> navigates the page away
  // (no policy governs navigation), a <base> re-points every relative URL. A <link> stays: a stylesheet in
  // Markdown is an author's (Notebook Kit's own docs do it), and the page's policy governs what it loads.
  for (const element of Array.from(root.querySelectorAll(DOCUMENT_ELEMENTS))) element.remove();
  for (const element of Array.from(root.querySelectorAll("*"))) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null && isScriptUrl(value)) element.removeAttribute(name);
    }
  }
}

/** Whether a browser would read `url` as a `javascript:` URL (the URL standard's leniency included). */
export function isScriptUrl(url: string): boolean {
  // Browsers drop leading C0 controls and spaces, and tabs and newlines anywhere, before reading the scheme.
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) ++start;
  return url
    .slice(start)
    .replace(/[\t\n\r]/g, "")
    .toLowerCase()
    .startsWith("javascript:");
}
