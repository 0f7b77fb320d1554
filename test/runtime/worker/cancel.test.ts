import assert from "node:assert/strict";
import {existsSync, mkdtempSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {test} from "node:test";
import {setTimeout as sleep} from "node:timers/promises";
import {runTask} from "../../../src/runtime/worker/run-task.ts";
import {fixture} from "./fixture.ts";

test("aborting runTask() rejects at once and stops the worker", async () => {
  const marker = join(mkdtempSync(join(tmpdir(), "worker-")), "marker");
  const controller = new AbortController();
  let abortedAt = 0;
  const abort = (): void => {
    abortedAt = performance.now();
    controller.abort();
  };
  await assert.rejects(
    runTask(fixture("slow"), {ms: 1000, marker}, {signal: controller.signal, onProgress: abort}),
    {
      name: "AbortError"
    }
  );
  assert.ok(performance.now() - abortedAt < 50, "rejected at once");
  await sleep(1500);
  assert.equal(existsSync(marker), false, "the task went on after the abort");
});

test("runTask() with an aborted signal rejects without running", async () => {
  await assert.rejects(runTask(fixture("squares"), {n: 1}, {signal: AbortSignal.abort()}), {
    name: "AbortError"
  });
});
