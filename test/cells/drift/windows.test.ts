import assert from "node:assert/strict";
import {test} from "node:test";
import {timeOrder} from "../../../src/cells/dataset/timestamps.ts";
import {windowTotals} from "../../../src/cells/drift/window-buckets.ts";
import {datasetTimeRange, rowsBetween, windowEnds} from "../../../src/cells/drift/windows.ts";

const at = (h: number, m = 0, s = 0) => Date.UTC(2023, 0, 1, h, m, s);

test("datasetTimeRange() floors the first timestamp to the minute and the last + 1 minute", () => {
  assert.deepEqual(datasetTimeRange(Float64Array.from([at(12, 59, 10), at(10, 0, 30)])), {
    start: at(10),
    end: at(13)
  });
});

test("windowEnds() steps back from the end while t > start, ascending", () => {
  assert.deepEqual(windowEnds({start: at(10), end: at(13)}, 3_600_000), [at(11), at(12), at(13)]);
});

test("rowsBetween() is right-open: a row at the window end belongs to the next window", () => {
  const timestamps = Float64Array.from([at(12), at(11, 30), at(11)]);
  const order = timeOrder(timestamps);
  assert.deepEqual([...rowsBetween(timestamps, order, at(11), at(12))], [2, 1]);
  assert.deepEqual([...rowsBetween(timestamps, order, at(12), at(13))], [0]);
});

test("windowTotals() sums overlapping windows from one pass", () => {
  const timestamps = Float64Array.from([at(10, 30), at(11, 30), at(12), at(12, 30)]);
  const windows = [at(11), at(12), at(13)].map((t) => ({from: t - 7_200_000, to: t})); // 2-hour windows, hourly
  const {totals, counts} = windowTotals(
    timestamps,
    timeOrder(timestamps),
    windows,
    1,
    (order, from, to, target, offset) => {
      for (let i = from; i < to; ++i) target[offset]! += order[i]! + 1;
    }
  );
  // [9, 11): row 0 → 1; [10, 12): rows 0, 1 → 1 + 2; [11, 13): rows 1, 2, 3 → 2 + 3 + 4.
  assert.deepEqual([...counts], [1, 2, 3]);
  assert.deepEqual([...totals], [1, 3, 9]);
});
