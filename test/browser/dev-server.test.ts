import assert from "node:assert/strict";
import {cp, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {startDevServer, type DevServer} from "../../src/runtime/vite/dev-server.ts";
import {cellText, launchChromium, moveSlider, openPage, waitForCellText} from "./support/chromium.ts";

let dir: string;
let server: DevServer;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-dev-"));
  await cp("notebooks", dir, {recursive: true});
  server = await startDevServer({root: dir, port: 0, logLevel: "silent"});
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, {recursive: true, force: true});
});

/** Opens the penguins page with the slider moved to 5000 and a marker that a reload would erase. */
async function openMovedPage(): Promise<{page: Page; requests: string[]}> {
  const {page, requests} = await openPage(browser);
  await page.goto(`${server.url}penguins.html`);
  await waitForCellText(page, 5, "at least 4000 g");
  await moveSlider(page, 5000);
  await waitForCellText(page, 5, "at least 5000 g");
  await page.evaluate(() => {
    (window as {notReloaded?: boolean}).notReloaded = true;
    const output = document.querySelector(".phx-cell[data-cell-id='5'] .phx-output > *");
    output?.setAttribute("data-before-edit", "");
  });
  return {page, requests};
}

async function editNotebook(from: string, to: string): Promise<void> {
  const file = join(dir, "penguins.html");
  const html = await readFile(file, "utf8");
  assert.ok(html.includes(from), `the notebook contains ${from}`);
  await writeFile(file, html.replace(from, to));
}

async function sliderValue(page: Page): Promise<string> {
  return page.$eval("input[type=range]", (input) => (input as HTMLInputElement).value);
}

test("saving an unrelated cell updates it in place; the slider and its dependents keep their state", async () => {
  const {page, requests} = await openMovedPage();
  await editNotebook("# Palmer penguins", "# Palmer penguins, revised");
  await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Palmer penguins, revised");
  assert.equal(await page.evaluate(() => (window as {notReloaded?: boolean}).notReloaded), true);
  assert.equal(await sliderValue(page), "5000");
  assert.match(await cellText(page, 5), /at least 5000 g/);
  const kept = await page.$(".phx-cell[data-cell-id='5'] [data-before-edit]");
  assert.ok(kept, "the slider's dependent cell was not recomputed");
  const outside = requests.filter((url) => new URL(url).origin !== new URL(server.url).origin);
  assert.deepEqual(outside, [], "the page asks no other host");
  await page.close();
});

test("saving a cell that depends on the slider recomputes it with the slider's current value", async () => {
  const {page} = await openMovedPage();
  await editNotebook("penguins weigh at least", "penguins are at least");
  await waitForCellText(page, 5, "penguins are at least 5000 g");
  assert.equal(await page.evaluate(() => (window as {notReloaded?: boolean}).notReloaded), true);
  assert.equal(await sliderValue(page), "5000");
  await page.close();
});

test("saving a notebook that does not parse keeps the page and says why", async () => {
  const {page} = await openMovedPage();
  await editNotebook(
    `<script id="7" type="application/vnd.observable.javascript">`,
    `<script id="7" type="text/x-nope">`
  );
  await page.waitForFunction(() => document.querySelector(".phx-banner:not([hidden])"));
  const banner = await page.$eval(".phx-banner", (element) => element.textContent ?? "");
  assert.match(banner, /penguins\.html:\d+: unknown cell type: "text\/x-nope"/);
  assert.match(await cellText(page, 5), /at least 5000 g/);
  await editNotebook(
    `<script id="7" type="text/x-nope">`,
    `<script id="7" type="application/vnd.observable.javascript">`
  );
  await page.waitForFunction(() => document.querySelector(".phx-banner")?.hasAttribute("hidden"));
  await page.close();
});

test("adding a cell in the file inserts it in its place; the slider keeps its value", async () => {
  const {page} = await openMovedPage();
  const inserted = `<script id="8" type="text/markdown">\n    ## Inserted above the slider\n  </script>\n  `;
  await editNotebook(`<script id="3" `, `${inserted}<script id="3" `);
  await page.waitForFunction(() => document.querySelector("h2")?.textContent === "Inserted above the slider");
  const next = await page.$eval(".phx-cell[data-cell-id='8']", (cell) => cell.nextElementSibling?.outerHTML);
  assert.match(next ?? "", /^<div class="phx-cell[^"]*" data-cell-id="3"/);
  assert.equal(await sliderValue(page), "5000");
  assert.equal(await page.evaluate(() => (window as {notReloaded?: boolean}).notReloaded), true);
  await page.close();
});

test("pinning a cell in the file shows its source above its output", async () => {
  const {page} = await openMovedPage();
  await editNotebook(
    `<script id="7" type="application/vnd.observable.javascript">`,
    `<script id="7" type="application/vnd.observable.javascript" pinned>`
  );
  const source = ".phx-cell[data-cell-id='7'] .phx-source";
  await page.waitForSelector(source);
  assert.equal(
    await page.$eval(source, (pre) => pre.textContent),
    "meanMass = d3.mean(heavy, (d) => d.body_mass_g)"
  );
  assert.match(await cellText(page, 7), /meanMass = 5\d{3}\.\d+/);
  assert.equal(await sliderValue(page), "5000");
  await page.close();
});
