import assert from "node:assert/strict";
import {test} from "node:test";
import {registry} from "../../../src/runtime/worker/registry.ts";
import {runTask} from "../../../src/runtime/worker/run-task.ts";
import {WorkerError} from "../../../src/runtime/worker/worker-error.ts";
import {fixture} from "./fixture.ts";

test("runTask() resolves with the task's result, typed arrays intact", async () => {
  const result = await runTask<{squares: Float32Array; n: number}>(fixture("squares"), {n: 4});
  assert.deepEqual(result, {squares: Float32Array.of(0, 1, 4, 9), n: 4});
});

test("runTask() reports progress in order", async () => {
  const seen: [number, string | undefined][] = [];
  await runTask(fixture("stages"), null, {onProgress: (fraction, stage) => seen.push([fraction, stage])});
  assert.deepEqual(seen, [
    [0, "load"],
    [0.5, "embed"],
    [1, "done"]
  ]);
});

test("runTask() rejects with the error a task throws", async () => {
  await assert.rejects(runTask(fixture("fails"), {k: -1}), {name: "RangeError", message: "bad k: -1"});
});

test("runTask() rejects with a WorkerError naming the task when the worker exits", async () => {
  await assert.rejects(runTask(fixture("exits"), null), (error) => {
    assert.ok(error instanceof WorkerError);
    assert.equal(error.message, 'worker for task "exits" from tasks.ts exited with code 3');
    return true;
  });
});

test("runTask() rejects with a WorkerError when the worker runs out of memory", async () => {
  await assert.rejects(runTask(fixture("hogs"), null, {maxMemoryMB: 64}), {
    name: "WorkerError",
    message: 'worker for task "hogs" from tasks.ts ran out of memory (limit 64 MB) in stage "allocate"'
  });
});

test("runTask() rejects naming an unknown registered task; the runtime's own worker registers none", async () => {
  assert.equal(registry.size, 0);
  await assert.rejects(runTask("nope", null), {message: 'unknown task: "nope" (expected none registered)'});
});
