// <phx-point-cloud> updated in place and colored by anything, in chromium on the digits example: the element,
// camera and selection survive new inputs; the legend's entries and counts equal those read here, in Node,
// from the datasets' Arrow tables; a legend click hides exactly those points; a lost WebGL context draws again.
import assert from "node:assert/strict";
import {before, test} from "node:test";
import type {Page} from "playwright-core";
import type {ColorBy, PhxClusterExplorer, PhxPointCloud} from "../../src/components/index.ts";
import {palettes} from "../../src/components/theme.ts";
import type {DigitsResults} from "../components/browser/digits.ts";
import type {CloudOptions, ComponentsPage} from "../components/browser/page-main.ts";
import {countColors} from "../components/browser/pixels.ts";
import {componentsSite} from "./support/components-site.ts";

const site = componentsSite(["--enable-unsafe-swiftshader"]);
let results: DigitsResults;

before(async () => {
  await site.ready();
  results = site.results;
});

type Window = ComponentsPage;

const mountCloud = (options: CloudOptions = {}) => site.mountCloud(options);

const cloudState = (page: Page) =>
  page.$eval("phx-point-cloud", (element) => {
    const cloud = element as PhxPointCloud;
    return {
      value: [...cloud.value],
      camera: JSON.stringify(cloud.camera),
      legend: cloud.legend,
      hidden: [...cloud.hiddenPoints]
    };
  });

/** Per point of the 2-D projection, its row's value in `column` of its dataset's table (null if missing). */
function pointValues(column: string): unknown[] {
  const p = results.projection2;
  return Array.from(p.row, (row, i) => p.datasets[p.dataset[i]!]!.table.getChild(column)?.get(row) ?? null);
}

/** The legend the rule gives for text: the ten most frequent (ties by label), "other", "missing". */
function expectedCategories(values: readonly unknown[]): string[] {
  const counts = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (v === null) ++missing;
    else counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  }
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const other = sorted.slice(10).reduce((sum, [, count]) => sum + count, 0);
  return [
    ...sorted.slice(0, 10).map(([label, count]) => `${label} ${count}`),
    ...(other ? [`other ${other}`] : []),
    ...(missing ? [`missing ${missing}`] : [])
  ];
}

test("colorBy each kind: the legend's entries and counts are the data's", async () => {
  const {page, errors} = await mountCloud();
  const p = results.projection2;
  const datasetCounts = p.datasets.map((d, k) => `${d.name} ${p.dataset.filter((x) => x === k).length}`);
  const ids = [...new Set(results.labels)].filter((id) => id >= 0).sort((a, b) => a - b);
  const clusterCounts = [
    ...ids.map((id) => `cluster ${id} ${results.labels.filter((l) => l === id).length}`),
    `noise ${results.labels.filter((l) => l < 0).length}`
  ];
  const predicted = pointValues("prediction_label");
  const actual = pointValues("actual_label");
  const correct = predicted.filter((v, i) => v === actual[i]).length;
  const brightness = pointValues("brightness") as number[];
  const expected: [ColorBy, string[]][] = [
    ["dataset", datasetCounts],
    ["cluster", clusterCounts],
    ["correctness", [`correct ${correct}`, `incorrect ${p.row.length - correct}`]],
    ["predictionLabel", expectedCategories(predicted)],
    ["actualLabel", expectedCategories(actual)],
    [{column: "prediction_id"}, expectedCategories(pointValues("prediction_id"))],
    [
      {column: "brightness"},
      [
        `${Math.min(...brightness).toLocaleString("en-US", {maximumSignificantDigits: 4})} – ${Math.max(...brightness).toLocaleString("en-US", {maximumSignificantDigits: 4})} ${brightness.length}`
      ]
    ]
  ];
  for (const [colorBy, entries] of expected) {
    assert.ok(
      await page.evaluate(
        (colorBy) => (window as unknown as Window).updateCloud({colorBy}),
        colorBy as CloudOptions["colorBy"]
      )
    );
    const {legend} = await cloudState(page);
    assert.deepEqual(
      legend!.entries.map((e) => `${e.label} ${e.count}`),
      entries,
      JSON.stringify(colorBy)
    );
  }
  const {legend} = await cloudState(page);
  assert.deepEqual(legend!.range, [Math.min(...brightness), Math.max(...brightness)]);
  assert.ok(expected[5]![1].includes(`other ${p.row.length - 10}`), "prediction ids: ten, then other");
  assert.deepEqual(errors, []);
  await page.close();
});

test("an unknown colorBy is an error naming the choices, not a grey cloud", async () => {
  const {page} = await mountCloud();
  const message = await page.evaluate(() =>
    (window as unknown as Window).updateCloud({colorBy: {column: "nope"}}).catch((e: Error) => e.message)
  );
  assert.match(
    String(message),
    /unknown colorBy: \{"column":"nope"\} \(expected "dataset", "cluster", "correctness", "predictionLabel", "actualLabel", \{column: NAME\} with NAME one of "ink", "brightness", "prediction_label"/
  );
  await page.close();
});

test("a legend click hides exactly that value's points, and a second click shows them", async () => {
  const {page, canvas} = await mountCloud({colorBy: "actualLabel"});
  const actual = pointValues("actual_label");
  const before = await page.screenshot({clip: canvas});
  await page.locator("phx-point-cloud button.key", {hasText: /^\s*3\b/}).click();
  const {hidden, legend} = await cloudState(page);
  const threes = actual.flatMap((v, i) => (v === "3" ? [i] : []));
  assert.ok(threes.length > 10);
  assert.deepEqual(hidden, threes);
  assert.deepEqual(
    legend!.entries.filter((e) => e.hidden).map((e) => e.label),
    ["3"]
  );
  await page.evaluate(() => (window as unknown as Window).frames());
  const after = await page.screenshot({clip: canvas, path: "test-results/components-point-cloud-hidden.png"});
  const [bgBefore, bgAfter] = [before, after].map((png) => countColors(png, [palettes.light.background])[0]!);
  assert.ok(bgAfter! > bgBefore!, `hidden points leave background (${bgBefore} → ${bgAfter} px)`);
  await page.locator("phx-point-cloud button.key", {hasText: /^\s*3\b/}).click();
  assert.deepEqual((await cloudState(page)).hidden, []);
  await page.close();
});

test("new highlight, colorBy and clusters keep the element, the selection and the camera; the cluster is ringed", async () => {
  const {page, canvas} = await mountCloud({colorBy: "cluster"});
  const selected = Array.from({length: 25}, (_, k) => k * 7);
  await page.$eval(
    "phx-point-cloud",
    (cloud, selected) => ((cloud as PhxPointCloud).value = selected),
    selected
  );
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await page.mouse.wheel(0, -300);
  await page.evaluate(() => (window as unknown as Window).frames());
  const before = await cloudState(page);
  const ink = (png: Uint8Array) => countColors(png, [palettes.light.foreground], 24)[0]!;
  const plain = ink(await page.screenshot({clip: canvas}));
  const kept = await page.evaluate(() =>
    (window as unknown as Window).updateCloud({colorBy: "dataset", highlightCluster: 1})
  );
  const ringed = ink(
    await page.screenshot({clip: canvas, path: "test-results/components-point-cloud-kept.png"})
  );
  const after = await cloudState(page);
  assert.equal(kept, true, "the same element");
  assert.deepEqual(after.value, selected);
  assert.equal(after.camera, before.camera);
  assert.ok(ringed > plain + 50, `the cluster's points are ringed (${plain} → ${ringed} outline px)`);
  await page.close();
});

test("linked: picking a cluster rings its points in the same cloud; selecting a point picks its cluster", async () => {
  const {page} = await mountCloud({colorBy: "cluster"});
  await page.evaluate(() => (window as unknown as Window).mountExplorer());
  const id = results.summary[2]!.id;
  await page.locator(`phx-cluster-explorer button.row[data-id="${id}"]`).click();
  const highlight = await page.$eval("phx-point-cloud", (c) =>
    Array.from((c as PhxPointCloud).highlight ?? [])
  );
  assert.deepEqual(highlight, [...results.summary[2]!.points]);
  // Select a point of another cluster as a click does: set the value, fire input.
  const target = results.summary[0]!.points[0]!;
  await page.$eval("phx-point-cloud", (c, target) => ((c as PhxPointCloud).value = [target]), target);
  await page.$eval("phx-point-cloud", (c) => c.dispatchEvent(new Event("input")));
  const picked = await page.$eval("phx-cluster-explorer", (e) => (e as PhxClusterExplorer).value?.id);
  assert.equal(picked, results.labels[target]);
  await page.close();
});

test("a lost WebGL context shows its state, and once restored the points draw again", async () => {
  const {page, canvas, errors} = await mountCloud();
  const colored = (png: Uint8Array) => countColors(png, [palettes.light.primary, palettes.light.reference]);
  const [primary] = colored(await page.screenshot({clip: canvas}));
  assert.ok(primary! > 500);
  assert.ok(await page.evaluate(() => (window as unknown as Window).loseContext(false)));
  await page.locator("phx-point-cloud .state").waitFor();
  assert.ok(await page.evaluate(() => (window as unknown as Window).loseContext(true)));
  await page.locator("phx-point-cloud .state").waitFor({state: "detached"});
  const [again, reference] = colored(
    await page.screenshot({clip: canvas, path: "test-results/components-point-cloud-restored.png"})
  );
  assert.ok(again! > 500 && reference! > 500, `drawn again (${again}, ${reference} px)`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("with no theme the cloud follows prefers-color-scheme: dark, in its WebGL colors too", async () => {
  const {page: light, canvas} = await mountCloud({colorBy: "actualLabel"});
  await light.screenshot({
    path: "test-results/components-point-cloud-light.png",
    clip: {...canvas, height: canvas.height + 60}
  });
  await light.close();
  const {page} = await mountCloud({colorBy: "cluster", highlightTopCluster: true});
  await page.emulateMedia({colorScheme: "dark"});
  await page.evaluate(() => (window as unknown as Window).frames());
  const png = await page.screenshot({
    clip: {...canvas, height: canvas.height + 60},
    path: "test-results/components-point-cloud-dark.png"
  });
  const [dark, white] = countColors(png, [palettes.dark.background, palettes.light.background]);
  assert.ok(dark! > canvas.width * canvas.height * 0.5, `a dark background (${dark} px)`);
  assert.ok(white! < 100, `no light background left (${white} px)`);
  await page.close();
});
