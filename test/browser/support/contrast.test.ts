// The contrast helper the browser tests use: text under opacity is measured as drawn, blended with what is
// behind it. Expected ratios by hand: a 50% mix of black and white is sRGB 127.5, luminance
// ((0.5 + 0.055) / 1.055)^2.4 = 0.2140; on white (1.05) / (0.2140 + 0.05) = 3.98, over black
// (0.2140 + 0.05) / 0.05 = 5.28.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import type {Browser, Page} from "playwright-core";
import {launchChromium, openPage} from "./chromium.ts";
import {textContrasts} from "./contrast.ts";

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launchChromium();
  ({page} = await openPage(browser));
});

after(() => browser.close());

const measure = async (body: string) => {
  await page.setContent(`<body style="margin: 0; background: #fff">${body}</body>`);
  return (await textContrasts(page)).map(({text, color, background, ratio}) => ({
    text,
    color,
    background,
    ratio
  }));
};

test("black text at opacity 0.5 on white is drawn grey: 3.98:1, not 21", async () => {
  assert.deepEqual(await measure(`<p style="color: #000; opacity: 0.5">faded</p>`), [
    {text: "faded", color: "128,128,128", background: "255,255,255", ratio: 3.98}
  ]);
});

test("opacity on an ancestor fades the text it holds (multiplied down the tree)", async () => {
  const body = `<div style="opacity: 0.5"><p style="color: #000; opacity: 0.9999"><b>nested</b></p></div>`;
  assert.deepEqual(
    (await measure(body)).map((t) => t.ratio),
    [3.98]
  );
});

test("a faded box over black fades its white background too: black on grey, 5.28:1", async () => {
  const body = `<div style="background: #000"><p style="opacity: 0.5; background: #fff; color: #000">box</p></div>`;
  assert.deepEqual(await measure(body), [
    {text: "box", color: "0,0,0", background: "128,128,128", ratio: 5.28}
  ]);
});

test("text at full opacity is measured as before", async () => {
  assert.deepEqual(await measure(`<p style="color: #646a73">muted</p>`), [
    {text: "muted", color: "100,106,115", background: "255,255,255", ratio: 5.45}
  ]);
});
