// The hooks every served-page test file shares: before its tests, serve the page and launch chromium; after
// them, close both. What is served (a built notebook, a bundled test page) is the caller's.
import {after, before} from "node:test";
import type {Browser} from "playwright-core";
import {launchChromium} from "./chromium.ts";

/** A page on a static server, as `serve` gives it: closing it also removes what it served from. */
export interface Served {
  /** The static server's origin, `http://127.0.0.1:PORT`. */
  readonly origin: string;
  close(): Promise<void>;
}

/** The served site of a test file, ready once its `before` hook has run. */
export interface ServedSite {
  /** The static server's origin, `http://127.0.0.1:PORT`. */
  readonly origin: string;
  readonly browser: Browser;
  /**
   * Resolves once the site is served and chromium launched (rejects if that failed). Node 20 runs a file's
   * top-level `before` hooks concurrently, so a test file's own `before` awaits this before using the site.
   */
  ready(): Promise<void>;
}

/**
 * Registers the calling test file's `before` and `after` hooks: `serve` starts the server, then chromium is
 * launched with `chromiumArgs` on its command line. `after` hooks run in the order they are registered, so a
 * test file's own `after` runs once the browser is closed: use the pages in the tests.
 */
export function servedSite(serve: () => Promise<Served>, chromiumArgs: readonly string[] = []): ServedSite {
  let state: {origin: string; browser: Browser} | undefined;
  let served: Served | undefined;
  let browser: Browser | undefined;
  let starting: Promise<void> | undefined;
  const start = async () => {
    served = await serve();
    browser = await launchChromium(chromiumArgs);
    state = {origin: served.origin, browser};
  };
  before(() => (starting = start()));
  after(async () => {
    await browser?.close();
    await served?.close();
  });
  const ready = () => {
    if (!state) throw new Error("the served site is used before its before() hook ran");
    return state;
  };
  return {
    get origin() {
      return ready().origin;
    },
    get browser() {
      return ready().browser;
    },
    async ready() {
      if (!starting) throw new Error("the served site is awaited before its before() hook ran");
      await starting;
    }
  };
}
