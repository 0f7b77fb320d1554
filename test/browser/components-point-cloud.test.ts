// <phx-point-cloud> in chromium on the digits example's projections: WebGL draws the points in the dataset
// colors; hover, click, lasso and orbit behave as a user sees them. Expected points come from the projection's
// coordinates through the same camera math, computed here in Node.
import assert from "node:assert/strict";
import {writeFile} from "node:fs/promises";
import {decode} from "fast-png";
import {before, test} from "node:test";
import type {Page} from "playwright-core";
import {cameraMatrix, fitCamera, type Camera} from "../../src/components/point-cloud/camera.ts";
import {pointsInPolygon} from "../../src/components/point-cloud/picking.ts";
import {screenPositions} from "../../src/components/point-cloud/screen-positions.ts";
import {palettes} from "../../src/components/theme.ts";
import type {DigitsResults} from "../components/browser/digits.ts";
import type {Box, CloudOptions, ComponentsPage} from "../components/browser/page-main.ts";
import {changedPixels, countColors} from "../components/browser/pixels.ts";
import {componentsSite} from "./support/components-site.ts";
import {lowContrast} from "./support/contrast.ts";

const XSS = "<img src=x onerror=window.__xss=1>";

const site = componentsSite(["--enable-unsafe-swiftshader"]);
let results: DigitsResults;

before(async () => {
  await site.ready();
  results = site.results;
});

/** A page with one point cloud of the digits (a hostile raw value at hand), drawn; and where its canvas is. */
const mountCloud = (options: CloudOptions = {}) => site.mountCloud({...options, xss: XSS});

const frames = (page: Page) => page.evaluate(() => (window as unknown as ComponentsPage).frames());
const shot = (page: Page, clip: Box, name?: string) =>
  page.screenshot({clip, ...(name ? {path: `test-results/${name}.png`} : {})});
const valueOf = (page: Page) =>
  page.$eval("phx-point-cloud", (cloud) => [...(cloud as unknown as {value: Int32Array}).value]);
const inputs = (page: Page) => page.evaluate(() => (window as unknown as ComponentsPage).inputs);

/** Where the 2-D digits land on the canvas at the view's first camera. */
function screen2(canvas: Box): Float32Array {
  const {coordinates} = results.projection2;
  const matrix = cameraMatrix(fitCamera(coordinates, 2), canvas.width, canvas.height);
  return screenPositions(coordinates, 2, matrix, canvas.width, canvas.height);
}

/** The point farthest from its nearest neighbour on screen (beyond the pick radius), 20 px inside the canvas. */
function isolatedPoint(screen: Float32Array, canvas: Box): number {
  let [best, bestGap] = [-1, 0];
  const n = screen.length / 3;
  for (let i = 0; i < n; ++i) {
    const [x, y] = [screen[i * 3]!, screen[i * 3 + 1]!];
    if (x < 20 || y < 20 || x > canvas.width - 20 || y > canvas.height - 20) continue;
    let gap = Infinity;
    for (let j = 0; j < n; ++j)
      if (j !== i) gap = Math.min(gap, Math.hypot(screen[j * 3]! - x, screen[j * 3 + 1]! - y));
    if (gap > bestGap) [best, bestGap] = [i, gap];
  }
  assert.ok(bestGap > 8, `an isolated point exists (${bestGap.toFixed(1)} px from the next)`);
  return best;
}

test("phx-point-cloud draws the 2-D digits with WebGL in Phoenix's two dataset colors", async () => {
  const {page, errors, canvas} = await mountCloud();
  const {light} = palettes;
  const [primary, reference, background] = countColors(
    await shot(page, canvas, "components-point-cloud-2d"),
    [light.primary, light.reference, light.background]
  );
  assert.ok(primary! > 1000 && reference! > 1000, `points in both colors (${primary}, ${reference} px)`);
  assert.ok(background! > canvas.width * canvas.height * 0.5, "mostly background");
  assert.equal(await page.locator("phx-point-cloud .fallback").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("phx-point-cloud draws once as it opens, and again at its new size when the page resizes it", async () => {
  const {page, errors, canvas} = await mountCloud();
  const viewports = () => page.evaluate(() => (window as unknown as ComponentsPage).glViewports.splice(0));
  const ratio = await page.evaluate(() => devicePixelRatio);
  const size = (box: Box) => `${Math.round(box.width * ratio)}×${Math.round(box.height * ratio)}`;
  assert.deepEqual(await viewports(), [size(canvas)]);
  const resized = await page.evaluate(() => (window as unknown as ComponentsPage).resizeCloud(500));
  assert.notEqual(resized.width, canvas.width);
  assert.deepEqual(await viewports(), [size(resized)]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("hovering a point shows its dataset, row, cluster and raw data as text, never as HTML", async () => {
  const {page: probe, canvas} = await mountCloud();
  await probe.close();
  const screen = screen2(canvas);
  const i = isolatedPoint(screen, canvas);
  const {page, errors} = await mountCloud({xssPoint: i});
  await page.mouse.move(canvas.x + screen[i * 3]!, canvas.y + screen[i * 3 + 1]!);
  const tooltip = page.locator("phx-point-cloud .tooltip");
  await tooltip.waitFor();
  const name = results.projection2.datasets[results.projection2.dataset[i]!]!.name;
  const label = results.labels[i]!;
  assert.deepEqual(await tooltip.locator("div").allTextContents(), [
    `${name} · row ${results.projection2.row[i]}`,
    label < 0 ? "noise" : `cluster ${label}`,
    XSS
  ]);
  assert.equal(await page.locator("phx-point-cloud img").count(), 0, "no element made from the raw text");
  assert.equal(await page.evaluate(() => (window as unknown as ComponentsPage).__xss), undefined);
  await page.screenshot({path: "test-results/components-point-cloud-hover.png"});
  assert.deepEqual(errors, []);
  await page.close();
});

/** The point drawn 6 px or more inside the canvas with the largest `score` (of its x and y on the canvas). */
function farthestPoint(screen: Float32Array, canvas: Box, score: (x: number, y: number) => number): number {
  let [best, bestScore] = [-1, -Infinity];
  for (let i = 0; i < screen.length / 3; ++i) {
    const [x, y] = [screen[i * 3]!, screen[i * 3 + 1]!];
    const inside = x >= 6 && y >= 6 && x <= canvas.width - 6 && y <= canvas.height - 6;
    if (!inside || score(x, y) <= bestScore) continue;
    [best, bestScore] = [i, score(x, y)];
  }
  return best;
}

const boxOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const {x, y, width, height} = element.getBoundingClientRect();
    return {x, y, width, height};
  });

/** Whether `inner` lies within `outer` (to a hundredth of a pixel). */
const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.width <= outer.x + outer.width + 0.01 &&
  inner.y + inner.height <= outer.y + outer.height + 0.01;

// A text dataset's row may hold a whole document: the tooltip shows its start and stays a tooltip (its
// 15,000 characters once filled the cloud's height). 12 px monospace lines are about 15 px: the title, the
// cluster and eight lines of text, with the padding, come to under 190 px.
test("a point whose raw data is 15,000 characters gets a short tooltip ending in an ellipsis", async () => {
  const {page: probe, canvas} = await mountCloud();
  await probe.close();
  const screen = screen2(canvas);
  const i = isolatedPoint(screen, canvas);
  const long = "word ".repeat(3000);
  const {page, errors} = await site.mountCloud({xssPoint: i, xss: long});
  await page.mouse.move(canvas.x + screen[i * 3]!, canvas.y + screen[i * 3 + 1]!);
  const tooltip = page.locator("phx-point-cloud .tooltip");
  await tooltip.waitFor();
  await page.screenshot({path: "test-results/components-point-cloud-hover-long.png"});
  const raw = (await tooltip.locator(".raw").textContent())!;
  assert.ok(raw.startsWith("word word ") && raw.endsWith("…"), `the text's start, cut: ${raw.slice(-20)}`);
  assert.ok(raw.length < 400, `${raw.length} characters in the page`);
  const box = await boxOf(page, "phx-point-cloud .tooltip");
  assert.ok(box.height < 190, `the tooltip is ${box.height} px tall in a ${canvas.height} px cloud`);
  assert.ok(box.width <= 260, `and ${box.width} px wide`);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Where the 2-D digits land on the canvas at the view's camera now. */
async function screenNow(page: Page, canvas: Box): Promise<Float32Array> {
  const camera = await page.$eval(
    "phx-point-cloud",
    (cloud) => (cloud as unknown as {camera: Camera}).camera
  );
  const matrix = cameraMatrix(camera, canvas.width, canvas.height);
  return screenPositions(results.projection2.coordinates, 2, matrix, canvas.width, canvas.height);
}

// Panned 280 px right and 40 px down, points reach the bottom-right corner; then 330 px wide, the right edge.
test("the tooltip of a point at the bottom-right corner or the right edge stays inside the cloud", async () => {
  const {page, errors, canvas: wide} = await mountCloud();
  await page.locator("phx-point-cloud").focus();
  for (const key of [...Array<string>(7).fill("ArrowLeft"), "ArrowUp"]) await page.keyboard.press(key);
  await frames(page);
  const resize = (width: number) =>
    page.evaluate((width) => (window as unknown as ComponentsPage).resizeCloud(width), width);
  const cases = [
    {
      name: "corner",
      canvas: async () => wide,
      near: (x: number, y: number) => -Math.max(wide.width - x, wide.height - y)
    },
    {name: "narrow", canvas: () => resize(330), near: (x: number) => x}
  ];
  for (const {name, canvas: resized, near} of cases) {
    const canvas = await resized();
    const screen = await screenNow(page, canvas);
    const i = farthestPoint(screen, canvas, near);
    const [x, y] = [screen[i * 3]!, screen[i * 3 + 1]!];
    const edge = name === "corner" ? x > canvas.width - 60 && y > canvas.height - 60 : x > canvas.width - 40;
    assert.ok(
      edge,
      `${name}: a point near the edge (${x.toFixed(0)}, ${y.toFixed(0)} in ${canvas.width} × ${canvas.height})`
    );
    await page.mouse.move(canvas.x + x, canvas.y + y);
    const tooltip = page.locator("phx-point-cloud .tooltip");
    await tooltip.waitFor();
    assert.match((await tooltip.textContent())!, new RegExp(`row ${results.projection2.row[i]}\\b`));
    const [box, element] = [
      await boxOf(page, "phx-point-cloud .tooltip"),
      await boxOf(page, "phx-point-cloud")
    ];
    await page.screenshot({path: `test-results/components-point-cloud-tooltip-${name}.png`});
    assert.ok(box.width > 60 && box.height > 30, `${name}: a tooltip to read (${box.width} × ${box.height})`);
    assert.ok(
      within(box, canvas),
      `${name}: ${JSON.stringify(box)} inside the canvas ${JSON.stringify(canvas)}`
    );
    assert.ok(within(box, element), `${name}: inside the element ${JSON.stringify(element)}`);
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y - 8); // off the cloud: the tooltip goes
    await tooltip.waitFor({state: "detached"});
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test("a click selects the point under the pointer and fires input; a click on nothing clears", async () => {
  const {page, canvas} = await mountCloud();
  const screen = screen2(canvas);
  const i = isolatedPoint(screen, canvas);
  await page.mouse.click(canvas.x + screen[i * 3]!, canvas.y + screen[i * 3 + 1]!);
  assert.deepEqual(await valueOf(page), [i]);
  await frames(page);
  await shot(page, canvas, "components-point-cloud-click");
  await page.mouse.click(canvas.x + 3, canvas.y + 3);
  assert.deepEqual([await valueOf(page), await inputs(page)], [[], [String(i), ""]]);
  await page.close();
});

/** The lasso rectangle of the lasso tests, [left, top, right, bottom] in CSS pixels from the canvas's corner. */
const lassoRect = (canvas: Box) =>
  [
    Math.round(canvas.width * 0.3),
    Math.round(canvas.height * 0.25),
    Math.round(canvas.width * 0.6),
    Math.round(canvas.height * 0.6)
  ] as const;

/** Shift+drags around `rect` (see lassoRect) as a user does; `beforeUp` runs with the lasso still drawn. */
async function lasso(page: Page, canvas: Box, rect: readonly number[], beforeUp?: () => Promise<unknown>) {
  const [left, top, right, bottom] = rect as [number, number, number, number];
  const at = (x: number, y: number) => [canvas.x + x, canvas.y + y] as const;
  await page.keyboard.down("Shift");
  await page.mouse.move(...at(left, top));
  await page.mouse.down();
  await page.mouse.move(...at(right, top), {steps: 8});
  await page.mouse.move(...at(right, bottom), {steps: 8});
  await page.mouse.move(...at(left, bottom), {steps: 8});
  await page.mouse.move(...at(left, top + 1), {steps: 8});
  await beforeUp?.();
  await page.mouse.up();
  await page.keyboard.up("Shift");
}

/** The points whose screen position lies strictly inside `rect`, ascending: the rectangle test, by hand. */
function insideRect(screen: Float32Array, [left, top, right, bottom]: readonly number[]): number[] {
  const inside: number[] = [];
  for (let i = 0; i < screen.length / 3; ++i) {
    const [x, y] = [screen[i * 3]!, screen[i * 3 + 1]!];
    if (x > left! && x < right! && y > top! && y < bottom!) inside.push(i);
  }
  return inside;
}

test("Shift+drag lassoes the points inside the polygon; Escape clears the selection", async () => {
  const {page, canvas} = await mountCloud({highlightTopCluster: true});
  const screen = screen2(canvas);
  const rect = lassoRect(canvas);
  const [left, top, right, bottom] = rect;
  const expected = [...pointsInPolygon(screen, [left, top, right, top, right, bottom, left, bottom])];
  assert.ok(expected.length > 20, `the lasso covers points (${expected.length})`);
  await lasso(page, canvas, rect, () => shot(page, canvas, "components-point-cloud-lasso"));
  assert.deepEqual(await valueOf(page), expected);
  assert.deepEqual(await inputs(page), [expected.join(",")]);
  await frames(page);
  await shot(page, canvas, "components-point-cloud-lassoed");
  await page.keyboard.press("Escape");
  assert.deepEqual([await valueOf(page), (await inputs(page)).length], [[], 2]);
  await page.close();
});

const legendKey = (page: Page, label: string) =>
  page.locator("phx-point-cloud button.key", {hasText: new RegExp(`^\\s*${label}\\b`)});
const selectedText = (page: Page) =>
  page.locator("phx-point-cloud .status span", {hasText: "selected"}).textContent();

test("a lasso over points a legend click hid leaves them out of the selection", async () => {
  const {page, canvas} = await mountCloud({colorBy: "actualLabel"});
  const rect = lassoRect(canvas);
  const inside = insideRect(screen2(canvas), rect);
  const threes = inside.filter((i) => results.digits[i] === "3");
  assert.ok(threes.length > 5 && inside.length > threes.length + 20, `${threes.length} of ${inside.length}`);
  await legendKey(page, "3").click();
  await lasso(page, canvas, rect);
  const expected = inside.filter((i) => results.digits[i] !== "3");
  assert.deepEqual(await valueOf(page), expected);
  assert.deepEqual(await inputs(page), [expected.join(",")]);
  assert.equal((await selectedText(page))!.trim(), `${expected.length} selected`);
  await page.close();
});

test("hiding a category deselects its points (input fires); showing it again does not reselect them", async () => {
  const {page, canvas} = await mountCloud({colorBy: "actualLabel"});
  const rect = lassoRect(canvas);
  const inside = insideRect(screen2(canvas), rect);
  const threes = inside.filter((i) => results.digits[i] === "3");
  assert.ok(threes.length > 5, `the lasso covers threes (${threes.length})`);
  await lasso(page, canvas, rect);
  assert.deepEqual(await valueOf(page), inside);
  await legendKey(page, "3").click();
  const seen = inside.filter((i) => results.digits[i] !== "3");
  assert.deepEqual(await valueOf(page), seen);
  assert.deepEqual(await inputs(page), [inside.join(","), seen.join(",")]);
  assert.equal((await selectedText(page))!.trim(), `${seen.length} selected`);
  await legendKey(page, "3").click();
  assert.deepEqual(await valueOf(page), seen, "shown again, the threes stay out");
  assert.equal((await inputs(page)).length, 2);
  // Set from code with the threes hidden again: they leave it, and no input fires (a set never fires one).
  await legendKey(page, "3").click();
  await page.$eval(
    "phx-point-cloud",
    (cloud, inside) => ((cloud as unknown as {value: number[]}).value = inside),
    inside
  );
  await page.$eval(
    "phx-point-cloud",
    (cloud) => (cloud as unknown as {updateComplete: unknown}).updateComplete
  );
  assert.deepEqual(await valueOf(page), seen);
  assert.equal((await inputs(page)).length, 2);
  await page.close();
});

test("in 3-D a drag orbits the camera and the wheel zooms: the picture changes, the selection does not", async () => {
  const {page, errors, canvas} = await mountCloud({dimensions: 3});
  const before = await shot(page, canvas, "components-point-cloud-3d");
  const [cx, cy] = [canvas.x + canvas.width / 2, canvas.y + canvas.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 200, cy + 60, {steps: 10});
  await page.mouse.up();
  await frames(page);
  const orbited = await shot(page, canvas, "components-point-cloud-3d-orbited");
  assert.ok(changedPixels(before, orbited) > 2000, "orbiting redraws the points elsewhere");
  await page.mouse.wheel(0, -400);
  await frames(page);
  const zoomed = await shot(page, canvas, "components-point-cloud-3d-zoomed");
  assert.ok(changedPixels(orbited, zoomed) > 2000, "zooming redraws the points");
  assert.deepEqual([await valueOf(page), await inputs(page)], [[], []]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("colorBy cluster on the dark theme: noise grey, clusters in the palette, the top cluster outlined", async () => {
  const {page, canvas} = await mountCloud({colorBy: "cluster", theme: "dark", highlightTopCluster: true});
  const {dark} = palettes;
  const [background, noise, primary] = countColors(
    await shot(page, canvas, "components-point-cloud-clusters-dark"),
    [dark.background, dark.noise, dark.primary]
  );
  assert.ok(background! > canvas.width * canvas.height * 0.5, "a dark background");
  assert.ok(noise! > 10, `noise points in grey (${noise} px)`);
  assert.equal(primary, 0, "no dataset colors when colored by cluster");
  await page.close();
});

// How long the draw and the pick took is written to test-results for a person (and bench/) to read: a test
// asserts what happens, never how fast, since a loaded machine would fail it for nothing.
test("300,000 points draw (as one binned image), pan, and hover and Shift+arrows still find a point", async () => {
  const {page, errors} = await site.open();
  const timing = await page.evaluate((n) => (window as unknown as ComponentsPage).mountSpiral(n), 300_000);
  await writeFile("test-results/components-point-cloud-300k.json", JSON.stringify(timing, null, 2));
  await page.screenshot({path: "test-results/components-point-cloud-300k.png"});
  assert.ok(timing.tooltip, "the hover found a point");
  // Both datasets' colors are on the canvas (the binned image reached it), and an arrow key moves the picture.
  const canvas = page.locator("phx-point-cloud canvas");
  const before = await canvas.screenshot();
  const [primary, reference] = countColors(before, [palettes.light.primary, palettes.light.reference]);
  assert.ok(primary! > 2000 && reference! > 2000, `primary ${primary}, reference ${reference} pixels`);
  await page.locator("phx-point-cloud").press("ArrowLeft");
  await page.evaluate(() => (window as unknown as ComponentsPage).frames());
  assert.ok(changedPixels(before, await canvas.screenshot()) > 1000, "the pan drew a new frame");
  // Shift+arrow twice: the point nearest the centre (projecting the points first), then a step to the right.
  const press = () => page.evaluate(() => (window as unknown as ComponentsPage).timedKey("ArrowRight", true));
  const cursor = [await press(), await press()];
  await writeFile(
    "test-results/components-point-cloud-300k.json",
    JSON.stringify({...timing, cursorFirst: cursor[0]!.ms, cursorStep: cursor[1]!.ms}, null, 2)
  );
  for (const {said} of cursor) assert.match(said!, /^(production|training) · row \d+$/);
  assert.notEqual(cursor[0]!.said, cursor[1]!.said);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Of the points drawn on the canvas and not `skip`ped, the one nearest (x, y): where the point cursor starts. */
function nearestDrawn(screen: Float32Array, canvas: Box, x: number, y: number, skip: (i: number) => boolean) {
  let [best, bestDistance] = [-1, Infinity];
  for (let i = 0; i < screen.length / 3; ++i) {
    const [px, py] = [screen[i * 3]!, screen[i * 3 + 1]!];
    if (skip(i) || px < 0 || py < 0 || px > canvas.width || py > canvas.height) continue;
    const distance = Math.hypot(px - x, py - y);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  return best;
}

/**
 * Where Shift+arrow takes the cursor from point `from`, by the rule the README gives: the nearest drawn point
 * within 45° of the arrow (at least as far along it as across), else the nearest on that side.
 */
function nextDrawn(
  screen: Float32Array,
  canvas: Box,
  from: number,
  [ax, ay]: [number, number],
  skip: (i: number) => boolean
): number {
  const [x, y] = [screen[from * 3]!, screen[from * 3 + 1]!];
  const inCone = (i: number) => {
    const [dx, dy] = [screen[i * 3]! - x, screen[i * 3 + 1]! - y];
    return Math.abs(dx * ay - dy * ax) <= dx * ax + dy * ay;
  };
  const ahead = (i: number) => (screen[i * 3]! - x) * ax + (screen[i * 3 + 1]! - y) * ay > 0;
  const cone = nearestDrawn(screen, canvas, x, y, (i) => skip(i) || !ahead(i) || !inCone(i));
  return cone >= 0 ? cone : nearestDrawn(screen, canvas, x, y, (i) => skip(i) || !ahead(i));
}

/** What the tooltip and the live region say of point i: "production · row 12, cluster 3, digit 7". */
function spoken(i: number): string[] {
  const p = results.projection2;
  const label = results.labels[i]!;
  return [
    `${p.datasets[p.dataset[i]!]!.name} · row ${p.row[i]}`,
    label < 0 ? "noise" : `cluster ${label}`,
    `digit ${results.digits[i]}`
  ];
}

const liveText = (page: Page) => page.locator("phx-point-cloud .announce").textContent();
const tooltipLines = (page: Page) => page.locator("phx-point-cloud .tooltip div").allTextContents();
/** The point cloud's `input` events (the explorer's, JSON, left out). */
const cloudInputs = async (page: Page) => (await inputs(page)).filter((value) => /^[\d,]*$/.test(value));
const explorerPick = (page: Page) =>
  page.$eval("phx-cluster-explorer", (e) => (e as unknown as {value: {id: number} | null}).value?.id ?? null);

test("from the keyboard: Tab, Shift+arrows go to points, Space and Enter select them as clicks do", async () => {
  const {page, errors, canvas} = await mountCloud();
  await page.evaluate(() => (window as unknown as ComponentsPage).mountExplorer());
  const screen = screen2(canvas);
  const none = () => false;
  const centre = nearestDrawn(screen, canvas, canvas.width / 2, canvas.height / 2, none);
  const right = nextDrawn(screen, canvas, centre, [1, 0], none);
  const below = nextDrawn(screen, canvas, right, [0, 1], none);
  assert.ok(new Set([centre, right, below]).size === 3, `three points (${centre}, ${right}, ${below})`);

  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.localName), "phx-point-cloud");
  const camera = await page.$eval("phx-point-cloud", (c) =>
    JSON.stringify((c as unknown as {camera: unknown}).camera)
  );
  // Selected from code (no input): the cursor says so.
  const setValue = (value: number[]) =>
    page.$eval("phx-point-cloud", (c, value) => ((c as unknown as {value: number[]}).value = value), value);
  await setValue([centre]);
  await page.keyboard.press("Shift+ArrowRight"); // the first press: the point nearest the centre
  assert.equal(await liveText(page), `${spoken(centre).join(", ")}, selected`);
  assert.deepEqual(await tooltipLines(page), spoken(centre));
  await page.keyboard.press("Shift+ArrowRight");
  assert.equal(await liveText(page), spoken(right).join(", "));
  assert.deepEqual(await tooltipLines(page), spoken(right));
  const after = await page.$eval("phx-point-cloud", (c) =>
    JSON.stringify((c as unknown as {camera: unknown}).camera)
  );
  assert.equal(after, camera, "Shift+arrows leave the camera alone");

  // The ring is drawn around the point: its centre within a pixel of the point's.
  await frames(page);
  const ring = await boxOf(page, "phx-point-cloud .point-cursor");
  const [rx, ry] = [ring.x + ring.width / 2 - canvas.x, ring.y + ring.height / 2 - canvas.y];
  assert.ok(Math.hypot(rx - screen[right * 3]!, ry - screen[right * 3 + 1]!) < 1, `ring at ${rx}, ${ry}`);
  await page.screenshot({path: "test-results/components-point-cloud-cursor.png"});

  await setValue([]);
  await page.keyboard.press(" "); // adds it
  assert.deepEqual(await valueOf(page), [right]);
  assert.equal(await liveText(page), `Added ${spoken(right)[0]}: 1 selected.`);
  await page.keyboard.press("Shift+ArrowDown");
  assert.equal(await liveText(page), spoken(below).join(", "));
  await page.keyboard.press(" ");
  assert.deepEqual(
    await valueOf(page),
    [right, below].sort((a, b) => a - b)
  );
  await page.keyboard.press(" "); // and takes it out again
  assert.deepEqual(await valueOf(page), [right]);
  assert.equal(await liveText(page), `Removed ${spoken(below)[0]}: 1 selected.`);
  const sorted = [right, below].sort((a, b) => a - b).join(",");
  assert.deepEqual(await cloudInputs(page), [String(right), sorted, String(right)]);
  // Enter on `below` does what a click on it does: the same value, the same events (the cloud's input, then
  // the explorer's as it picks the point's cluster), each time from no pick.
  const unpick = () =>
    page.$eval("phx-cluster-explorer", (e) => ((e as unknown as {value: null}).value = null));
  const eventsOf = async (act: () => Promise<void>) => {
    await unpick();
    const before = (await inputs(page)).length;
    await act();
    return {
      value: await valueOf(page),
      inputs: (await inputs(page)).slice(before),
      picked: await explorerPick(page)
    };
  };
  const byKey = await eventsOf(() => page.keyboard.press("Enter"));
  assert.equal(await liveText(page), `Selected ${spoken(below)[0]}.`);
  await page.keyboard.press("Escape");
  assert.deepEqual(await valueOf(page), []);
  assert.equal(await liveText(page), "Selection cleared.");
  assert.equal(
    await page.locator("phx-point-cloud .tooltip").count(),
    0,
    "Escape drops the cursor's tooltip"
  );
  assert.equal(await page.locator("phx-point-cloud .point-cursor").isHidden(), true, "and its ring");
  const byClick = await eventsOf(() =>
    page.mouse.click(canvas.x + screen[below * 3]!, canvas.y + screen[below * 3 + 1]!)
  );
  assert.deepEqual(byKey, byClick);
  const label = results.labels[below]!;
  assert.deepEqual(
    [byKey.value, byKey.inputs[0], byKey.picked],
    [[below], String(below), label < 0 ? null : label]
  );
  assert.equal(byKey.inputs.length, label < 0 ? 1 : 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the point cursor skips points a legend click hid", async () => {
  const {page, canvas} = await mountCloud({colorBy: "actualLabel"});
  const screen = screen2(canvas);
  const centre = nearestDrawn(screen, canvas, canvas.width / 2, canvas.height / 2, () => false);
  const digit = results.digits[centre]!;
  const hidden = (i: number) => results.digits[i] === digit;
  const first = nearestDrawn(screen, canvas, canvas.width / 2, canvas.height / 2, hidden);
  // An arrow whose nearest point, were they all shown, is one of the hidden digit.
  const arrows = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1]
  } as const satisfies Record<string, [number, number]>;
  const [arrow, axis] = Object.entries(arrows).find(([, axis]) =>
    hidden(nextDrawn(screen, canvas, first, [...axis], () => false))
  )!;
  assert.ok(arrow, "an arrow that would land on a hidden point");
  const next = nextDrawn(screen, canvas, first, [...axis], hidden);
  await legendKey(page, digit).click();
  await page.locator("phx-point-cloud").focus();
  await page.keyboard.press(`Shift+${arrow}`);
  assert.equal(await liveText(page), spoken(first).join(", "));
  await page.keyboard.press(`Shift+${arrow}`);
  assert.equal(await liveText(page), spoken(next).join(", "));
  await page.close();
});

const LONG_VALUE = "x".repeat(300);
const RTL_VALUE = "שלום עולם مرحبا";
const mountLabels = async (labels: readonly string[], theme?: "light" | "dark") => {
  const {page, errors} = await site.open();
  const canvas = await page.evaluate(
    ([labels, theme]) => (window as unknown as ComponentsPage).mountLabelCloud(labels, theme),
    [labels, theme] as const
  );
  return {page, errors, canvas};
};

// 40 points, the two labels alternating: 20 each. A 300-character value with no space once made the legend
// button 2,000 px wide (the page scrolled sideways), and an Arabic label pulled its count to its left.
test("a 300-character legend label is cut with an ellipsis (full text in its title); an RTL label keeps its count after it", async () => {
  const {page, errors} = await mountLabels([LONG_VALUE, RTL_VALUE]);
  await page.screenshot({path: "test-results/components-point-cloud-legend-long.png"});
  const [scrollWidth, viewport] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth
  ]);
  assert.ok(scrollWidth! <= viewport!, `the page is ${scrollWidth} px wide in a ${viewport} px viewport`);
  const long = page.locator("phx-point-cloud button.key", {hasText: LONG_VALUE});
  assert.match((await long.getAttribute("title"))!, new RegExp(`^${LONG_VALUE}\\b`));
  // The accessible name is the whole label and its count: the cut is only drawn.
  const named = page.getByRole("button", {name: `${LONG_VALUE} 20`, exact: true});
  assert.equal(await named.count(), 1);
  const cut = await long.evaluate((button) => {
    const label = button.querySelector("bdi")!;
    return {clipped: label.scrollWidth > label.clientWidth, ellipsis: getComputedStyle(label).textOverflow};
  });
  assert.deepEqual(cut, {clipped: true, ellipsis: "ellipsis"});
  // Where the RTL label's text and its count are drawn: the count to its right, as in the LTR page's order.
  const [label, count] = await page
    .locator("phx-point-cloud button.key", {hasText: RTL_VALUE})
    .evaluate((button, text) => {
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      let node: Node | null = walker.nextNode();
      while (node && !node.textContent!.includes(text)) node = walker.nextNode();
      const range = document.createRange();
      range.selectNodeContents(node!);
      return [range.getBoundingClientRect(), button.querySelector(".count")!.getBoundingClientRect()].map(
        (r) => ({left: r.left, right: r.right})
      );
    }, RTL_VALUE);
  assert.ok(
    count!.left >= label!.right - 0.5,
    `count ${JSON.stringify(count)}, label ${JSON.stringify(label)}`
  );
  assert.deepEqual(errors, []);
  await page.close();
});

// A hidden entry is still a toggle (aria-pressed="false") to read and press again: AA applies. It was faded to
// opacity 0.45, 2.89:1 on light and 4.02:1 on dark, its count lower still.
test("a hidden legend entry is struck through and keeps WCAG AA contrast in either theme", async () => {
  for (const theme of ["light", "dark"] as const) {
    const {page, errors} = await mountLabels(["alpha", "beta"], theme);
    const beta = page.locator("phx-point-cloud button.key", {hasText: "beta"});
    await beta.click();
    assert.equal(await beta.getAttribute("aria-pressed"), "false");
    await frames(page);
    await page.screenshot({path: `test-results/components-point-cloud-legend-hidden-${theme}.png`});
    const struck = await beta.evaluate((b) => getComputedStyle(b).textDecorationLine);
    assert.equal(struck, "line-through", theme);
    assert.deepEqual(await lowContrast(page), [], theme);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

/** Sets the cloud's clusters and colorBy (from code, as a cell would) and waits for the frames after. */
const recolor = async (page: Page, colorBy: string, clusters: "none" | "kept") => {
  await page.$eval(
    "phx-point-cloud",
    async (cloud, [colorBy, clusters]) => {
      const element = cloud as unknown as {
        colorBy: string;
        clusters: unknown;
        updateComplete: Promise<boolean>;
      };
      if (clusters === "none") element.clusters = undefined;
      element.colorBy = colorBy;
      await element.updateComplete;
    },
    [colorBy, clusters] as const
  );
  await frames(page);
};

// The error once was #d1392b on the dark background (3.66:1), over the points of the coloring before it.
test("a coloring the data cannot give shows its error, readable in either theme, in place of the points", async () => {
  for (const theme of ["dark", "light"] as const) {
    const {page, errors, canvas} = await mountCloud({theme});
    const palette = palettes[theme];
    await recolor(page, "cluster", "none");
    const state = page.locator("phx-point-cloud .state.error");
    assert.match((await state.textContent())!, /^Cannot draw the points: colorBy "cluster"/);
    await page.screenshot({path: `test-results/components-point-cloud-error-${theme}.png`});
    assert.deepEqual(await lowContrast(page), [], theme);
    // The canvas under the message: all background (the message and the Fit and Reset buttons set aside; 2 px
    // in from its edges, where the view's rounded border cuts its corners).
    for (const over of [".state", ".tools"])
      await page
        .locator(`phx-point-cloud ${over}`)
        .evaluate((e) => ((e as HTMLElement).style.visibility = "hidden"));
    const inner = {x: canvas.x + 2, y: canvas.y + 2, width: canvas.width - 4, height: canvas.height - 4};
    const png = await shot(page, inner, `components-point-cloud-error-canvas-${theme}`);
    const [background] = countColors(png, [palette.background]);
    const {width, height} = decode(png);
    assert.equal(
      background,
      width * height,
      `${theme}: ${width * height - background!} pixels not background`
    );
    // A coloring it can give draws the points again.
    await recolor(page, "dataset", "kept");
    const [primary] = countColors(await shot(page, canvas), [palette.primary]);
    assert.ok(primary! > 1000, `${theme}: points drawn again (${primary} px)`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
