import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {defineHeadless} from "../../../src/runtime/headless/open-notebook.ts";
import {evaluate, notebookOf} from "../../helpers/notebook.ts";

const tasks = new URL("../../fixtures/worker/tasks.ts", import.meta.url).href;

test("changing a parameter while a worker cell runs abandons the stale run; the fresh one completes", async () => {
  const marker = join(await mkdtemp(join(tmpdir(), "phoenix-worker-")), "run");
  const notebook = await evaluate(
    "viewof n = Inputs.range([0, 10], {value: 1, step: 1})",
    `result = worker.run({module: ${JSON.stringify(tasks)}, export: "slowEcho"}, {value: n, ms: 1500, marker: ${JSON.stringify(marker)}})`
  );
  // `evaluate` returns once settled; re-run from a known state: n = 2 starts a slow run, n = 3 replaces it.
  const seen: unknown[] = [];
  const report = notebook.recorder.report("result")!;
  const view = notebook.recorder.report("viewof n")!.value as HTMLElement & {value: number};
  const settleValues = setInterval(() => report.status === "fulfilled" && seen.push(report.value), 5);
  view.value = 2;
  view.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise((resolve) => setTimeout(resolve, 400)); // the worker for n = 2 is running
  assert.equal(report.status, "pending");
  view.value = 3;
  view.dispatchEvent(new Event("input", {bubbles: true}));
  await notebook.recorder.whenSettled(10_000);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // long enough for the stale run to have finished
  clearInterval(settleValues);
  assert.equal(report.value, 3);
  assert.ok(!seen.includes(2), `the stale result showed: ${seen.join(", ")}`);
  assert.equal(existsSync(`${marker}-2`), false, "the stale run's worker went on after it was abandoned");
  assert.equal(existsSync(`${marker}-3`), true);
  notebook.runtime.dispose();
});

test("a worker cell's progress reaches the cell's observer, in order", async () => {
  const source = `echo = worker.run({module: ${JSON.stringify(tasks)}, export: "slowEcho"}, {value: 7, ms: 200})`;
  const notebook = defineHeadless(notebookOf(source), "/tmp/progress.html");
  const progress: string[] = [];
  notebook.recorder.onProgress = (cell, fraction, stage) =>
    progress.push(`${cell.name} ${stage} ${fraction}`);
  await notebook.recorder.whenSettled(10_000);
  assert.equal(notebook.recorder.report("echo")!.value, 7);
  assert.deepEqual(progress, ["echo echo 0", "echo echo 0.25", "echo echo 0.5", "echo echo 0.75"]);
  notebook.runtime.dispose();
});
