// A built page carries a Content-Security-Policy: the examples run under it without one violation, and data
// interpolated into Markdown (an <img onerror>, an off-site image, javascript: links) cannot run or fetch.
import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {serveStatic} from "./support/static-server.ts";

let examples: string;
let hostile: string;
let servers: Awaited<ReturnType<typeof serveStatic>>[] = [];
let browser: Browser;

before(async () => {
  examples = await mkdtemp(join(tmpdir(), "phoenix-policy-"));
  hostile = await mkdtemp(join(tmpdir(), "phoenix-hostile-"));
  assert.equal(await build(["notebooks", "--out", examples]), 0);
  assert.equal(await build(["test/fixtures/notebooks/hostile", "--out", hostile]), 0);
  servers = [await serveStatic(examples), await serveStatic(hostile)];
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
  for (const dir of [examples, hostile]) if (dir) await rm(dir, {recursive: true, force: true});
});

/** A page that records each securitypolicyviolation as "directive blocked-uri". */
async function openWatchedPage(): Promise<
  Awaited<ReturnType<typeof openPage>> & {violations(): Promise<string[]>}
> {
  const opened = await openPage(browser);
  await opened.page.addInitScript(() => {
    const seen: string[] = ((window as unknown as {__violations: string[]}).__violations = []);
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`)
    );
  });
  const violations = () =>
    opened.page.evaluate(() => (window as unknown as {__violations: string[]}).__violations);
  return {...opened, violations};
}

const policyOf = (page: Page) =>
  page.$eval("meta[http-equiv='Content-Security-Policy']", (meta) => meta.getAttribute("content"));

async function allCellsSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const cells = document.querySelectorAll(".phx-cell");
      return cells.length > 0 && document.querySelectorAll(".phx-cell[data-status='pending']").length === 0;
    },
    undefined,
    {timeout: 60_000}
  );
}

test("the built examples and their index run under the page's policy with no violation", async () => {
  const {page, errors, violations} = await openWatchedPage();
  const {origin} = servers[0]!;
  await page.goto(`${origin}/index.html`);
  assert.match((await policyOf(page)) ?? "", /script-src 'self'/);

  await page.goto(`${origin}/penguins.html`);
  assert.match((await policyOf(page)) ?? "", /script-src 'self'/);
  assert.match((await policyOf(page)) ?? "", /connect-src 'self';/, "no provider named: own origin only");
  await waitForCellText(page, 5, "penguins weigh at least 4000 g");
  await allCellsSettled(page);
  assert.deepEqual(await violations(), []);

  await page.goto(`${origin}/digits-drift.html`);
  await waitForCellText(page, 19, "The most drifted cluster");
  await allCellsSettled(page);
  await page.getByRole("button", {name: "Export", exact: true}).click(); // Parquet written with WebAssembly
  await page.locator(".phx-cell a.phx-export").waitFor({timeout: 30_000});
  assert.deepEqual(await violations(), []);
  assert.deepEqual(await page.$$eval(".phx-cell[data-status='rejected']", (cells) => cells.length), 0);
  assert.deepEqual(errors, []);
});

test("hostile data in Markdown runs no handler, loads no off-site image, and no javascript: link runs", async () => {
  const {page, requests, violations} = await openWatchedPage();
  const {origin} = servers[1]!;
  // Chromium reports a request the policy stopped as made, then failed with "csp": it never left the page.
  const stopped: string[] = [];
  page.on("requestfailed", (request) => {
    if (request.failure()?.errorText === "csp") stopped.push(request.url());
  });
  await page.goto(`${origin}/hostile.html`);
  assert.match((await policyOf(page)) ?? "", /connect-src 'self' http:\/\/127\.0\.0\.2:9;/);
  await waitForCellText(page, 2, "md link");
  await waitForCellText(page, 3, "html link");
  await page.waitForTimeout(500); // time for the images to fail and a handler to run, were it allowed

  const mdLink = page.locator(".phx-cell[data-cell-id='2'] a", {hasText: "md link"});
  assert.equal(await mdLink.getAttribute("href"), null, "md drops the javascript: URL");
  await mdLink.click();
  await page.locator("#html-link").click();
  await page.waitForTimeout(200);

  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/page-policy-hostile.png", fullPage: true});
  assert.equal(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned), undefined);
  assert.deepEqual(
    requests.filter((url) => new URL(url).origin !== origin && !stopped.includes(url)),
    [],
    "no request leaves the page's own origin"
  );
  const blocked = await violations();
  assert.ok(blocked.includes("img-src http://127.0.0.2:9/x.png"), `the tracker was blocked: ${blocked}`);
  assert.ok(
    blocked.some((v) => v.startsWith("script-src")),
    `the handler and the html link were blocked: ${blocked}`
  );
});
