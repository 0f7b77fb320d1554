import assert from "node:assert/strict";
import {test} from "node:test";
import {timeOrder} from "../../../src/cells/dataset/timestamps.ts";
import {windowBuckets} from "../../../src/cells/drift/window-buckets.ts";
import {datasetTimeRange, MAX_WINDOWS, rowsBetween, windowEnds} from "../../../src/cells/drift/windows.ts";

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

test("windowBuckets() cuts overlapping windows into buckets between their edges, found once", () => {
  const timestamps = Float64Array.from([at(10, 30), at(11, 30), at(12), at(12, 30)]);
  const windows = [at(11), at(12), at(13)].map((t) => ({from: t - 7_200_000, to: t})); // 2-hour windows, hourly
  const {edges, starts, bounds} = windowBuckets(timestamps, timeOrder(timestamps), windows);
  // Edges 9, 10, 11, 12, 13 h; the rows from each edge on: none before 10:30, …, all four before 13:00.
  assert.deepEqual([...edges], [at(9), at(10), at(11), at(12), at(13)]);
  assert.deepEqual([...starts], [0, 0, 1, 2, 4]);
  // [9, 11) is buckets 0–1: row 0; [10, 12): buckets 1–2, rows 0, 1; [11, 13): buckets 2–3, rows 1, 2, 3.
  assert.deepEqual([...bounds], [0, 2, 1, 3, 2, 4]);
});

test("windowEnds() refuses a series of more than MAX_WINDOWS windows with a RangeError instead of running out of memory", () => {
  // Timestamps in mixed units (seconds read as ms beside ms) span 53 years: hourly windows would be 472k.
  const range = {start: 1_700_000_000, end: 1_700_000_000_000};
  assert.throws(
    () => windowEnds(range, 3_600_000),
    /samplingInterval 3600000 ms over 1970-01-20T\S+ – 2023-11-14T\S+ makes 471750 windows, more than 100000/
  );
  // A step below the float spacing of the end (about 2e-4 ms) never moved the loop: it must throw, not hang.
  assert.throws(() => windowEnds({start: at(10), end: at(11)}, 1e-300), /more than 100000/);
  assert.equal(windowEnds({start: 0, end: MAX_WINDOWS}, 1).length, MAX_WINDOWS);
});
