import type {Browser, BrowserContext, Page, Request} from "playwright-core";

// ms a serial load waits after each script's frames (see settle): time for a chunk's module to evaluate and the
// cells awaiting it to render.
const SETTLE_MS = 50;

/** One script the page (or a worker it started) loaded, and when, against the page's render moments. */
export interface LoadedScript {
  /** The path on the site, e.g. "/assets/d3-CLkj_18E.js". */
  readonly path: string;
  /** The response body's size in bytes, uncompressed (the test server and the bench's send no encoding). */
  readonly bytes: number;
  /** Whether its response had ended before the first render, before the complete render, or after both. */
  readonly before: "first" | "complete" | "later";
}

/** What opening a built page cost, in script bytes and time. */
export interface PageLoad {
  /** ms from navigation start to the first render: the first cell fulfilled, its output in the DOM. */
  readonly firstRenderMs: number;
  /** ms from navigation start to the complete first render: every cell settled (fulfilled or failed). */
  readonly completeRenderMs: number;
  /** Bytes of script whose responses ended before the first render. */
  readonly scriptBytesBeforeFirst: number;
  /** Bytes of script whose responses ended before the complete render (those before the first included). */
  readonly scriptBytesBeforeComplete: number;
  /** Whether every cell fulfilled (none failed). */
  readonly allFulfilled: boolean;
  readonly scripts: readonly LoadedScript[];
}

/** Options of measurePageLoad. */
export interface MeasureOptions {
  /** ms to wait for the complete render. Default: 120 000. */
  readonly timeout?: number;
  /** ms to keep listening after the complete render, for what loads late. Default: 500. */
  readonly linger?: number;
  /**
   * Deliver scripts one at a time, in the order the page (and its workers) request them, each once the page
   * settled from the one before (see settle): which scripts end before the first render no longer depends on
   * which of the chunks the cells request at once happens to arrive first, so the byte counts repeat. The
   * times then measure this harness, not the page. Default: false (as the server sends them).
   */
  readonly serial?: boolean;
}

// In the page before any of its scripts: reports the first fulfilled cell and the moment no cell is pending,
// each with its time since navigation start, through the binding the bench exposes.
const RENDER_PROBE = `(() => {
  let first = false;
  const check = () => {
    const cells = [...document.querySelectorAll(".phx-cell")];
    if (!first && cells.some((cell) => cell.dataset.status === "fulfilled")) {
      first = true;
      window.__phxRender("first", performance.now());
    }
    if (cells.length && cells.every((cell) => cell.dataset.status !== "pending")) {
      window.__phxRender("complete", performance.now(), cells.every((cell) => cell.dataset.status === "fulfilled"));
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"]});
})()`;

/**
 * Opens `url` in a fresh page of `browser` and records every script response (the page's and its workers')
 * against the page's two render moments. A response counts as before a moment when the browser reported its
 * end before the page reported the moment: both arrive in order over the one DevTools connection.
 */
export async function measurePageLoad(
  browser: Browser,
  url: string,
  {timeout = 120_000, linger = 500, serial = false}: MeasureOptions = {}
): Promise<PageLoad> {
  const context = await browser.newContext({viewport: {width: 1100, height: 900}});
  try {
    const page = await context.newPage();
    let phase: LoadedScript["before"] = "first";
    const times: {first?: number; complete?: number; fulfilled?: boolean} = {};
    const done = new Promise<void>((resolve) => {
      void page.exposeFunction("__phxRender", (moment: string, ms: number, fulfilled?: boolean) => {
        if (moment === "first" && phase === "first") {
          times.first = ms;
          phase = "complete";
        } else if (moment === "complete") {
          times.first ??= ms; // no cell fulfilled: the first render is the complete one
          times.complete = ms;
          times.fulfilled = fulfilled === true;
          phase = "later";
          resolve();
        }
      });
    });
    const pending: Promise<LoadedScript | undefined>[] = [];
    // Serial: the phase when the script was handed to the page (a render it enables comes after that, though
    // perhaps before the browser reports the response's end); else when its response ended.
    const delivered = new Map<string, LoadedScript["before"]>();
    const finished = (request: Request) => {
      const before = delivered.get(request.url()) ?? phase; // read now: the body is read later
      const path = new URL(request.url()).pathname;
      if (!/\.m?js$/.test(path)) return;
      pending.push(
        request.response().then(async (response) => {
          const body = await response?.body().catch(() => undefined);
          return body === undefined ? undefined : {path, bytes: body.length, before};
        })
      );
    };
    context.on("requestfinished", finished);
    if (serial) await deliverInTurn(context, page, (url) => delivered.has(url) || delivered.set(url, phase));
    await page.addInitScript(RENDER_PROBE);
    await page.goto(url);
    await withTimeout(done, timeout, `${url}: cells still pending after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, linger));
    context.off("requestfinished", finished);
    const scripts = (await Promise.all(pending)).filter((script) => script !== undefined);
    const sum = (phases: readonly LoadedScript["before"][]) =>
      scripts.filter((s) => phases.includes(s.before)).reduce((total, s) => total + s.bytes, 0);
    return {
      firstRenderMs: times.first!,
      completeRenderMs: times.complete!,
      scriptBytesBeforeFirst: sum(["first"]),
      scriptBytesBeforeComplete: sum(["first", "complete"]),
      allFulfilled: times.fulfilled!,
      scripts
    };
  } finally {
    await context.close();
  }
}

// Scripts, one at a time: the next is fetched from the server only once the page has taken the one before and
// settled, so a render that needs it has happened before the next script ends.
async function deliverInTurn(
  context: BrowserContext,
  page: Page,
  onDeliver: (url: string) => void
): Promise<void> {
  let turn = Promise.resolve();
  await context.route(/\.m?js(?:\?.*)?$/, (route) => {
    turn = turn.then(async () => {
      const response = await route.fetch().catch(() => undefined);
      if (!response) return void (await route.abort().catch(() => undefined));
      onDeliver(route.request().url());
      await route.fulfill({response}).catch(() => undefined);
      await settle(page);
    });
  });
}

// The page settled: two animation frames (the runtime computes cells on frames) and then a task's delay for the
// microtasks they queue; a page closed meanwhile has nothing more to wait for.
async function settle(page: Page): Promise<void> {
  await page
    .evaluate(
      (ms) =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, ms)))
        ),
      SETTLE_MS
    )
    .catch(() => undefined);
}

async function withTimeout(promise: Promise<void>, ms: number, message: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms))
  );
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
