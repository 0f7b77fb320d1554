// An error no cell's computation caught (a timer's callback that throws, a promise nobody awaits) is listed
// above the notebook in the page, as `run` reports it (test/cli/run-uncaught.test.ts): by cell when its stack
// says so, with the password inputs' values out, as text. Before, it showed only in the browser's console.
import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import {test} from "node:test";
import {builtSite} from "./support/built-site.ts";
import {openPage} from "./support/chromium.ts";
import {lowContrast} from "./support/contrast.ts";

// As run reports uncaught.html (test/cli/run-uncaught.test.ts): the cell and the file's line of each throw.
const expected = [
  "uncaught error from z (line 6): async boom",
  "unhandled rejection from scheduled (line 13): nobody waits for this",
  "uncaught error from leak (line 24): 401 for [redacted]",
  "uncaught error outside any cell: Reflect.ownKeys called on non-object"
];

/** The lines the notice shows, and its "and N more". */
function shown(page: import("playwright-core").Page): Promise<string[]> {
  return page.$$eval(".phx-uncaught li, .phx-uncaught p:not([hidden])", (lines) =>
    lines.map((line) => line.textContent ?? "")
  );
}

const site = builtSite("uncaught", "test/fixtures/notebooks/uncaught.html", {args: ["--no-bake"]});

test("the page lists the errors no cell caught, by cell, redacted, and every cell still fulfils", async () => {
  const {page, errors} = await openPage(site.browser);
  await page.goto(`${site.origin}/uncaught.html`);
  await page.waitForSelector(".phx-cell[data-cell-id='6'][data-status='fulfilled']", {timeout: 60_000});
  await page.waitForFunction(() => document.querySelectorAll(".phx-uncaught li").length === 4);
  // Before: no such element; the errors went to the console alone, every cell looking fine.
  assert.deepEqual([...(await shown(page))].sort(), [...expected].sort());
  assert.equal(await page.getAttribute(".phx-uncaught", "role"), "alert");
  assert.equal(await page.locator(".phx-cell[data-status='rejected']").count(), 0);
  // Still uncaught: the console (openPage's listener) has them, the password included, as the browser's own.
  assert.equal(errors.length, 4);
  await mkdir("test-results", {recursive: true});
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({colorScheme});
    assert.deepEqual(await lowContrast(page), [], colorScheme);
    await page.screenshot({path: `test-results/uncaught-${colorScheme}.png`});
  }
});

test("the notice shows hostile messages as text, counts repeats and lists five at most", async () => {
  const {page} = await openPage(site.browser);
  await page.goto(`${site.origin}/uncaught.html`);
  await page.waitForFunction(() => document.querySelectorAll(".phx-uncaught li").length === 4);
  const hostile = "<img src=x onerror=window.__pwned=1> with sk-proj-abcdefghijklmnopqrstuvwx";
  await page.evaluate(
    (messages) => {
      for (const message of messages) setTimeout(() => Promise.reject(new Error(message)), 0);
    },
    [hostile, hostile, "another", "and another"]
  );
  await page.waitForFunction(() => document.querySelector(".phx-uncaught p:not([hidden])"));
  const lines = await shown(page);
  assert.deepEqual(lines.slice(4), [
    "unhandled rejection outside any cell: <img src=x onerror=window.__pwned=1> with [redacted] (2 times)",
    "and 2 more (see the console)"
  ]);
  assert.equal(await page.locator(".phx-uncaught img").count(), 0);
  assert.equal(await page.evaluate(() => (window as {__pwned?: unknown}).__pwned), undefined);
});
