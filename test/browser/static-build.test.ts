import assert from "node:assert/strict";
import {mkdir} from "node:fs/promises";
import {test} from "node:test";
import {cellText, moveSlider, openPage, waitForCellText} from "./support/chromium.ts";
import {countHeavyPenguins} from "./support/penguins.ts";
import {builtSite} from "./support/built-site.ts";

const site = builtSite("static", "notebooks/penguins.html");

test("a built notebook runs from a static server, makes no outside request, and reacts to its slider", async () => {
  const {page, requests, errors} = await openPage(site.browser);
  await page.goto(`${site.origin}/penguins.html`);
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
  const outside = requests.filter((url) => new URL(url).origin !== site.origin);
  assert.deepEqual(outside, [], "every request goes to the static server");
  assert.ok(requests.some((url) => url.endsWith("/data/penguins.csv")));
});
