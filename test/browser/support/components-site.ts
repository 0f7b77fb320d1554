// The fixture the component browser tests share: the digits example's results computed in Node once, the
// components page (test/components/browser/page-main.ts) bundled with them as data.json and served on
// 127.0.0.1, chromium launched. Pages opened on it mount views through the helpers the page puts on window.
import {mkdir} from "node:fs/promises";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import type {Page} from "playwright-core";
import {digitsJson, digitsResults, type DigitsResults} from "../../components/browser/digits.ts";
import type {Box, CloudOptions, ComponentsPage} from "../../components/browser/page-main.ts";
import {serveBundledPage} from "./bundled-page.ts";
import {openPage} from "./chromium.ts";
import {servedSite, type ServedSite} from "./served-site.ts";

/** The components page of a test file, ready once its `before` hook has run. */
export interface ComponentsSite extends ServedSite {
  /** The digits example's results, as the page has them in data.json. */
  readonly results: DigitsResults;
  /** A new page at the site (once it is ready), loaded; `errors` collects its uncaught errors. */
  open(): Promise<{page: Page; errors: string[]}>;
  /** A new page with one point cloud of the digits, 700 px wide, drawn; and where its canvas is. */
  mountCloud(options?: CloudOptions): Promise<{page: Page; errors: string[]; canvas: Box}>;
  /** A new page with the drift timeline, cluster explorer and feature-drift table mounted. */
  mountViews(): Promise<{page: Page; errors: string[]}>;
}

/**
 * Registers the calling test file's hooks for the components page (and creates test-results/ for its
 * screenshots). `chromiumArgs` go to chromium's command line: a test whose point cloud must draw passes
 * "--enable-unsafe-swiftshader" (WebGL on the software renderer).
 */
export function componentsSite(chromiumArgs: readonly string[] = []): ComponentsSite {
  let results: DigitsResults | undefined;
  const site = servedSite(async () => {
    results = await digitsResults();
    await mkdir("test-results", {recursive: true});
    return serveComponentsPage(digitsJson(results));
  }, chromiumArgs);
  const open = async () => {
    await site.ready();
    const {page, errors} = await openPage(site.browser);
    await page.goto(site.origin);
    return {page, errors};
  };
  // page.evaluate callbacks run in the page: they reach its helpers through window.
  return {
    get origin() {
      return site.origin;
    },
    get browser() {
      return site.browser;
    },
    ready: () => site.ready(),
    get results() {
      if (!results) throw new Error("the digits results are used before the before() hook ran");
      return results;
    },
    open,
    async mountCloud(options = {}) {
      const {page, errors} = await open();
      const canvas = await page.evaluate(
        (options) => (window as unknown as ComponentsPage).mountCloud(options),
        options
      );
      return {page, errors, canvas};
    },
    async mountViews() {
      const {page, errors} = await open();
      await page.evaluate(() => (window as unknown as ComponentsPage).mountViews());
      return {page, errors};
    }
  };
}

/** The components page (page-main.ts, bundled with the components) with `data` as its data.json. */
function serveComponentsPage(data: string): ReturnType<typeof serveBundledPage> {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const script = `import ${JSON.stringify(join(root, "test/components/browser/page-main.ts"))};\n`;
  return serveBundledPage(script, {
    body: ` style="margin: 16px; font-family: sans-serif"`,
    files: {"data.json": data}
  });
}
