// End to end: the support-tickets example notebook, headless, as the runner evaluates it. Expected values come
// from the generator's own topic labels (the `topic` column), read here from the datasets' Arrow tables.
import assert from "node:assert/strict";
import {after, before, test} from "node:test";
import {fileURLToPath} from "node:url";
import type {Dataset} from "../../src/cells/dataset/dataset.ts";
import type {Projection} from "../../src/cells/project/projection.ts";
import nodePlugin from "../../src/bindings/node.ts";
import {openNotebook, type HeadlessNotebook} from "../../src/runtime/headless/open-notebook.ts";

const file = fileURLToPath(new URL("../../notebooks/support-tickets.html", import.meta.url));
let notebook: HeadlessNotebook;

before(async () => {
  notebook = await openNotebook(file, [nodePlugin]);
  assert.ok(await notebook.recorder.whenSettled(120_000), "the notebook did not settle");
});
after(() => notebook.runtime.dispose());

const report = (name: string) => notebook.recorder.report(name)!;
const value = <T>(name: string) => report(name).value as T;
function pick(view: string, picked: unknown) {
  const element = value<HTMLElement & {value: unknown}>(`viewof ${view}`);
  element.value = picked;
  element.dispatchEvent(new Event("input", {bubbles: true}));
}

const topics = (dataset: Dataset) => Array.from(dataset.table.getChild("topic")!, String);
/** The topics people gave production tickets that no training ticket has: the generator's new topic. */
function newTopics(): Set<string> {
  const seen = new Set(topics(value<Dataset>("training")));
  return new Set(topics(value<Dataset>("production")).filter((t) => !seen.has(t)));
}
const pointTopic = (p: Projection, i: number) =>
  String(p.datasets[p.dataset[i]!]!.table.getChild("topic")!.get(p.row[i]!));

interface Cluster {
  id: number;
  driftRatio: number;
  points: Int32Array;
}

test("support tickets: every cell fulfills", () => {
  const failed = notebook.recorder.reports.filter((r) => r.status !== "fulfilled");
  assert.deepEqual(
    failed.map((r) => `${r.compiled.name}: ${r.error?.describe()}`),
    []
  );
});

test("support tickets: the most drifted cluster is the production-only topic's", () => {
  const fresh = newTopics();
  assert.deepEqual([...fresh], ["rewards"]);
  const projection = value<Projection>("projection");
  const [top] = value<Cluster[]>("summary");
  assert.equal(top!.driftRatio, 1);
  const share =
    Array.from(top!.points).filter((i) => fresh.has(pointTopic(projection, i))).length / top!.points.length;
  assert.ok(share >= 0.9, `only ${share} of the top cluster is on a new topic`);
  // The router never gets a topic it has never seen right: accuracy in that cluster is (near) zero.
  assert.ok(value<{metric: {primary: number}}[]>("summary")[0]!.metric.primary <= 1 - share);
});

test("support tickets: embedding drift rises once the new topic appears", () => {
  const production = value<Dataset>("production");
  const times = production.table.getChild("created_at")!;
  const fresh = newTopics();
  const first = Math.min(
    ...topics(production).flatMap((t, i) => (fresh.has(t) ? [Number(times.get(i))] : []))
  );
  const series = value<{timestamp: number; value: number}[]>("driftSeries");
  const before = series.filter((p) => p.timestamp <= first).map((p) => p.value);
  const afterwards = series.filter((p) => p.timestamp > first + 3 * 86_400_000).map((p) => p.value);
  assert.ok(Math.min(...afterwards) > Math.max(...before), `${afterwards} vs ${before}`);
});

test("support tickets: a timeline window re-projects that window's production tickets only", async () => {
  const production = value<Dataset>("production");
  const times = production.table.getChild("created_at")!;
  const start = Number(times.get(0));
  const end = start + 7 * 86_400_000; // the first week: before the new topic
  pick("timeWindow", {start, end});
  assert.ok(await notebook.recorder.whenSettled(60_000));
  const projection = value<Projection>("projection");
  const primaryRows = Array.from(projection.row).filter((_, i) => projection.dataset[i] === 0);
  assert.ok(primaryRows.length > 0);
  assert.ok(primaryRows.every((row) => Number(times.get(row)) >= start && Number(times.get(row)) < end));
  const fresh = newTopics();
  assert.ok(!primaryRows.some((row) => fresh.has(String(production.table.getChild("topic")!.get(row)))));
  pick("timeWindow", null);
  assert.ok(await notebook.recorder.whenSettled(60_000));
  assert.ok(value<Projection>("projection").row.length > primaryRows.length + 500);
});

test("support tickets: a picked new-topic ticket's ten nearest tickets are mostly on that topic", async () => {
  const projection = value<Projection>("projection");
  const point = value<Cluster[]>("summary")[0]!.points[0]!;
  pick("pickedRow", {dataset: projection.dataset[point]!, row: projection.row[point]!, point});
  assert.ok(await notebook.recorder.whenSettled(60_000));
  const similar = value<{dataset: Uint8Array; row: Int32Array; distance: Float64Array}>("similarRows");
  assert.equal(similar.row.length, 10);
  assert.ok(
    similar.distance.every((d, i) => i === 0 || d >= similar.distance[i - 1]!),
    "nearest first"
  );
  const datasets = [value<Dataset>("production"), value<Dataset>("training")];
  const onTopic = Array.from(similar.row).filter(
    (row, i) => String(datasets[similar.dataset[i]!]!.table.getChild("topic")!.get(row)) === "rewards"
  ).length;
  assert.ok(onTopic >= 8, `${onTopic} of 10`);
});
