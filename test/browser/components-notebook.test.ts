// The views in a built notebook: `viewof x = phx.…` cells on the digits, in chromium from a static server.
// Picking a cluster in the explorer and lassoing points in the cloud flow into the cells that use them.
import assert from "node:assert/strict";
import {copyFile, mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {after, before, test} from "node:test";
import type {Browser} from "playwright-core";
import {build} from "../../src/cli/build.ts";
import {cellText, launchChromium, openPage, waitForCellText} from "./support/chromium.ts";
import {serveStatic} from "./support/static-server.ts";

const ojs = (id: number, source: string) =>
  `<script id="${id}" type="application/vnd.observable.javascript">\n${source}\n</script>`;
const notebook = `<!doctype html>
<notebook>
  <title>Views on the digits</title>
  ${ojs(1, `schema = FileAttachment("data/digits-schema.json").json()`)}
  ${ojs(2, `production = px.load(FileAttachment("data/digits-production.parquet"), {schema, name: "production"})`)}
  ${ojs(3, `training = px.load(FileAttachment("data/digits-training.parquet"), {schema, name: "training"})`)}
  ${ojs(4, `projection = px.project([production, training], {embedding: "image_embedding", nComponents: 2, samples: 300, minDist: 0.5, seed: 1})`)}
  ${ojs(5, `clusters = px.cluster(projection, {minClusterSize: 10})`)}
  ${ojs(6, `summary = px.clusterSummary(projection, clusters, {metric: "accuracy"})`)}
  ${ojs(7, `viewof cluster = phx.clusterExplorer(summary, {metricLabel: "accuracy"})`)}
  ${ojs(8, `viewof selection = phx.pointCloud(projection, {clusters, colorBy: "cluster", highlight: cluster?.points, height: 360})`)}
  <script id="9" type="text/markdown">Cluster: \${cluster ? "#" + cluster.id : "none"}; points selected: \${selection.length}</script>
</notebook>`;

let dir: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "phoenix-views-"));
  await mkdir(join(dir, "src", "data"), {recursive: true});
  for (const file of ["digits-schema.json", "digits-production.parquet", "digits-training.parquet"])
    await copyFile(join("notebooks/data", file), join(dir, "src", "data", file));
  await writeFile(join(dir, "src", "views.html"), notebook);
  assert.equal(await build([join(dir, "src", "views.html"), "--out", join(dir, "out")]), 0);
  server = await serveStatic(join(dir, "out"));
  browser = await launchChromium(["--enable-unsafe-swiftshader"]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, {recursive: true, force: true});
});

test("viewof phx.clusterExplorer and phx.pointCloud drive the cells that depend on them", async () => {
  const {page, requests, errors} = await openPage(browser);
  await page.goto(`${server.origin}/views.html`);
  await waitForCellText(page, 9, "Cluster: none; points selected: 0");
  const first = page.locator("phx-cluster-explorer button.row").first();
  const id = await first.getAttribute("data-id");
  await first.click();
  await waitForCellText(page, 9, `Cluster: #${id}; points selected: 0`);

  // A lasso around the whole canvas selects every point.
  const canvas = (await page.locator("phx-point-cloud canvas").boundingBox())!;
  await page.keyboard.down("Shift");
  await page.mouse.move(canvas.x + 2, canvas.y + 2);
  await page.mouse.down();
  for (const [x, y] of [
    [canvas.width - 2, 2],
    [canvas.width - 2, canvas.height - 2],
    [2, canvas.height - 2],
    [2, 4]
  ])
    await page.mouse.move(canvas.x + x!, canvas.y + y!, {steps: 5});
  await page.mouse.up();
  await page.keyboard.up("Shift");
  await waitForCellText(page, 9, "points selected: 600");
  assert.match(await cellText(page, 9), new RegExp(`Cluster: #${id}; points selected: 600`));

  await mkdir("test-results", {recursive: true});
  await page.screenshot({path: "test-results/components-notebook.png", fullPage: true});
  assert.deepEqual(errors, []);
  assert.deepEqual(
    requests.filter((url) => new URL(url).origin !== server.origin),
    []
  );
});
