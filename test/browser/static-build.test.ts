import assert from "node:assert/strict";
import {mkdir, mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {cellText, launchChromium, moveSlider, openPage, waitForCellText} from "./support/chromium.ts";
import {countHeavyPenguins} from "./support/penguins.ts";
import {serveStatic} from "./support/static-server.ts";

let out: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

before(async () => {
  out = await mkdtemp(join(tmpdir(), "phoenix-static-"));
  assert.equal(await build(["notebooks/penguins.html", "--out", out]), 0);
  server = await serveStatic(out);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out) await rm(out, {recursive: true, force: true});
});

test("a built notebook runs from a static server, makes no outside request, and reacts to its slider", async () => {
  const {page, requests, errors} = await openPage(browser);
  await page.goto(`${server.origin}/penguins.html`);
  await waitForCellText(page, 5, "penguins weigh at least 4000 g");
  assert.match(await cellText(page, 5), new RegExp(`^${countHeavyPenguins(4000)} penguins weigh`));
  assert.match(await cellText(page, 1), /344 penguins measured/);

  await moveSlider(page, 5000);
  await waitForCellText(page, 5, "penguins weigh at least 5000 g");
  assert.match(await cellText(page, 5), new RegExp(`^${countHeavyPenguins(5000)} penguins weigh`));
  assert.equal((await page.locator(".phx-cell[data-cell-id='6'] svg").count()) > 0, true, "the plot renders");

  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/static-build.png", fullPage: true});
  assert.deepEqual(errors, []);
  const outside = requests.filter((url) => new URL(url).origin !== server.origin);
  assert.deepEqual(outside, [], "every request goes to the static server");
  assert.ok(requests.some((url) => url.endsWith("/data/penguins.csv")));
});
