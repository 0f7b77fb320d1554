// `build --bake` on the digits notebook, in chromium: the page shows the projection and the clusters baked at
// build time without starting a worker, reclusters live when the reader changes min cluster size in the
// settings panel (and shows the baked clusters again when it goes back), and never shows a bake whose cells
// changed since; `--no-bake` pages compute as before.
import assert from "node:assert/strict";
import {cp, mkdtemp, readFile, rm, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import {tableFromIPC} from "apache-arrow";
import type {Browser, Page} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {cluster} from "../../src/index.ts";
import {launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {serveStatic} from "./support/static-server.ts";

const NOTEBOOK = "notebooks/digits-drift.html";
let browser: Browser;
let baked: {origin: string; dir: string};
let unbaked: {origin: string; dir: string};
let ownCell: {origin: string; dir: string};
let upstreamInput: {origin: string; dir: string};
const cleanup: (() => Promise<unknown>)[] = [];

before(async () => {
  const site = async (args: string[], notebook = true) => {
    const dir = await mkdtemp(join(tmpdir(), "phoenix-bake-"));
    cleanup.push(() => rm(dir, {recursive: true, force: true}));
    assert.equal(await build([...(notebook ? [NOTEBOOK] : []), "--out", dir, ...args]), 0);
    const server = await serveStatic(dir);
    cleanup.push(() => server.close());
    return {origin: server.origin, dir};
  };
  baked = await site([]);
  unbaked = await site(["--no-bake"]);
  // A stale bake beside a changed notebook: the notebook edited after the bake, built (compiled ahead) on its
  // own, its page given the baked page's list of bakes and the baked files. The keys must not match.
  const bakes = pageData(await readFile(join(baked.dir, "digits-drift.html"), "utf8")).bakes;
  assert.ok(bakes, "the baked page lists its bakes");
  const source = await readFile(NOTEBOOK, "utf8");
  const variant = async (from: string, to: string) => {
    assert.ok(source.includes(from), `the notebook holds ${from}`);
    const src = await mkdtemp(join(tmpdir(), "phoenix-bake-src-"));
    cleanup.push(() => rm(src, {recursive: true, force: true}));
    await cp("notebooks/data", join(src, "data"), {recursive: true});
    await writeFile(join(src, "digits-drift.html"), source.replace(from, to));
    const built = await site([join(src, "digits-drift.html"), "--no-bake"], false);
    const page = join(built.dir, "digits-drift.html");
    await writeFile(page, withBakes(await readFile(page, "utf8"), bakes));
    await cp(join(baked.dir, "digits-drift.bake"), join(built.dir, "digits-drift.bake"), {recursive: true});
    return built;
  };
  ownCell = await variant("seed: 1, ...settings.project", "seed: 2, ...settings.project");
  upstreamInput = await variant("samples: 500, minDist", "samples: 450, minDist");
  browser = await launchChromium();
});

const DATA = /(<script type="application\/json" id="phoenix-notebook-data">)(.*?)(<\/script>)/s;

/** The notebook data a built page embeds (see src/runtime/vite/shell.ts). */
function pageData(html: string): {bakes?: unknown} {
  const match = DATA.exec(html);
  assert.ok(match, "the page embeds its notebook data");
  return JSON.parse(match[2]!) as {bakes?: unknown};
}

/** The page with `bakes` as its list of bakes, embedded as the shell embeds it. */
function withBakes(html: string, bakes: unknown): string {
  const data = {...pageData(html), bakes};
  return html.replace(DATA, (_, open: string, _json, close: string) => {
    return open + JSON.stringify(data).replace(/</g, "\\u003c") + close;
  });
}

after(async () => {
  await browser?.close();
  for (const step of cleanup.reverse()) await step();
});

/** Opens a page that counts the Web Workers it starts. */
async function open(url: string): Promise<{page: Page; errors: string[]; requests: string[]}> {
  const opened = await openPage(browser);
  await opened.page.addInitScript(() => {
    const Native = window.Worker;
    const counted = window as unknown as {workersStarted: number};
    counted.workersStarted = 0;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        ++counted.workersStarted;
      }
    };
  });
  await opened.page.goto(url);
  await waitForCellText(opened.page, 19, "The most drifted cluster");
  return opened;
}

const workersStarted = (page: Page) =>
  page.evaluate(() => (window as unknown as {workersStarted: number}).workersStarted);

/** What the point cloud draws: its coordinates and cluster labels, read from the element. */
function cloud(page: Page): Promise<{coordinates: number[]; labels: number[]}> {
  return page.$eval("phx-point-cloud", (element) => {
    const cloud = element as unknown as {
      projection: {coordinates: Float32Array};
      clusters: {labels: Int32Array};
    };
    return {coordinates: Array.from(cloud.projection.coordinates), labels: Array.from(cloud.clusters.labels)};
  });
}

async function readBake(file: string) {
  return tableFromIPC(await readFile(join(baked.dir, "digits-drift.bake", file)));
}

/** The baked projection's coordinates, interleaved x, y as a Projection holds them. */
async function bakedCoordinates(): Promise<number[]> {
  const table = await readBake("15.arrow");
  const x = table.getChild("x")!.toArray() as Float32Array;
  const y = table.getChild("y")!.toArray() as Float32Array;
  return Array.from(x).flatMap((xi, i) => [xi, y[i]!]);
}

async function setMinClusterSize(page: Page, value: number): Promise<void> {
  const before = (await cloud(page)).labels.join();
  // The settings panel's field (in its shadow root, which locators pierce), typed and left as a reader does.
  const field = page.locator("phx-projection-settings input[name=minClusterSize]");
  await field.fill(String(value));
  await field.press("Tab");
  await page.waitForFunction(
    (before) => {
      const cloud = document.querySelector("phx-point-cloud") as unknown as {clusters: {labels: Int32Array}};
      return Array.from(cloud.clusters.labels).join() !== before;
    },
    before,
    {timeout: 60_000}
  );
}

test("build --bake writes the projection and the clustering beside the page", async () => {
  assert.ok((await stat(join(baked.dir, "digits-drift.bake", "15.arrow"))).size > 0);
  assert.equal((await readBake("15.arrow")).numRows, 1000, "500 samples per dataset");
  assert.equal((await readBake("16.arrow")).numRows, 1000);
  await assert.rejects(stat(join(unbaked.dir, "digits-drift.bake")), "--no-bake writes no bake");
});

test("the baked page draws the baked coordinates without starting a worker", async () => {
  const {page, errors} = await open(`${baked.origin}/digits-drift.html`);
  const shown = await cloud(page);
  assert.deepEqual(shown.coordinates, await bakedCoordinates());
  const labels = (await readBake("16.arrow")).getChild("label")!.toArray() as Int32Array;
  assert.deepEqual(shown.labels, Array.from(labels));
  assert.equal(await workersStarted(page), 0, "no UMAP worker");
  assert.deepEqual(errors, []);
  await page.close();
});

test("changing min cluster size in the settings reclusters the baked projection live, and moving it back shows the bake", async () => {
  const {page, errors} = await open(`${baked.origin}/digits-drift.html`);
  await setMinClusterSize(page, 30);
  const coordinates = await bakedCoordinates();
  // The reference: HDBSCAN run here, in Node, on the baked coordinates with the new minClusterSize.
  const expected = cluster(
    {coordinates: Float32Array.from(coordinates), nComponents: 2},
    {minClusterSize: 30}
  );
  const shown = await cloud(page);
  assert.deepEqual(shown.labels, Array.from(expected.labels));
  assert.deepEqual(shown.coordinates, coordinates, "the projection did not move");
  await setMinClusterSize(page, 10);
  const labels = (await readBake("16.arrow")).getChild("label")!.toArray() as Int32Array;
  assert.deepEqual((await cloud(page)).labels, Array.from(labels));
  assert.equal(await workersStarted(page), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page whose projection cell changed since the bake projects live", async () => {
  const {page, errors} = await open(`${ownCell.origin}/digits-drift.html`);
  assert.ok((await workersStarted(page)) > 0, "UMAP ran in a worker");
  const shown = await cloud(page);
  assert.equal(shown.coordinates.length, 2000);
  assert.notDeepEqual(shown.coordinates, await bakedCoordinates(), "seed 2 is not the baked seed 1");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a page whose input upstream changed its default since the bake projects live", async () => {
  const {page, errors} = await open(`${upstreamInput.origin}/digits-drift.html`);
  assert.ok((await workersStarted(page)) > 0, "UMAP ran in a worker");
  assert.equal((await cloud(page)).coordinates.length, 2 * 900, "450 samples per dataset");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a --no-bake page projects in a worker as before", async () => {
  const {page, errors} = await open(`${unbaked.origin}/digits-drift.html`);
  assert.ok((await workersStarted(page)) > 0);
  const html = await readFile(join(unbaked.dir, "digits-drift.html"), "utf8");
  assert.doesNotMatch(html, /"bakes"/);
  assert.equal((await cloud(page)).coordinates.length, 2000);
  assert.deepEqual(errors, []);
  await page.close();
});
