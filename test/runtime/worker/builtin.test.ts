import assert from "node:assert/strict";
import {test} from "node:test";
import type {CellContext} from "../../../src/runtime/define/cell-context.ts";
import {worker} from "../../../src/runtime/stdlib/worker.ts";
import {fixture} from "./fixture.ts";

/** A cell's context whose invalidation the test triggers. */
function cell(progress: CellContext["progress"] = () => {}): CellContext & {invalidate(): void} {
  let invalidate = (): void => {};
  const invalidation = new Promise<void>((resolve) => (invalidate = resolve));
  return {
    name: "result",
    invalidation,
    progress,
    display: () => {},
    visible: () => Promise.resolve(),
    invalidate
  };
}

test("worker.run() shows the task's progress in the cell", async () => {
  const seen: (string | undefined)[] = [];
  await worker.cellScoped(cell((_, stage) => seen.push(stage))).run(fixture("stages"), null);
  assert.deepEqual(seen, ["load", "embed", "done"]);
});

test("worker.run() is cancelled when the cell is invalidated", async () => {
  const context = cell(() => context.invalidate());
  const run = worker.cellScoped(context).run(fixture("slow"), {ms: 5000, marker: "/nonexistent/marker"});
  await assert.rejects(run, {name: "AbortError", message: "cell result was invalidated"});
});
