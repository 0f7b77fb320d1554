import {join} from "node:path";
import {packageRoot} from "./paths.ts";

/** The icon files a built site carries at its root, from the package's assets/ (see assets/README.md). */
export const FAVICON_FILES: readonly string[] = ["favicon.svg", "favicon.ico"];

/** Where the package keeps the icon file `name`. */
export function faviconSource(name: string): string {
  return join(packageRoot, "assets", name);
}

/**
 * The site's SVG icon as the page at `file` (a path relative to the site's root, `/`-separated) links it:
 * relative, so the site works from any folder of any static server.
 */
export function faviconHref(file: string): string {
  return `${"../".repeat(file.split("/").length - 1)}favicon.svg`;
}
