import assert from "node:assert/strict";
import {test} from "node:test";
import {Utf8, vectorFromArray} from "apache-arrow";
import {countCodes} from "../../../src/cells/drift/bin-counts.ts";
import {assignContinuous, continuousBinning} from "../../../src/cells/drift/binning.ts";
import {discreteCodes} from "../../../src/cells/drift/feature-codes.ts";

function assertClose(actual: number[], expected: number[]) {
  assert.equal(actual.length, expected.length);
  actual.forEach((value, i) =>
    assert.ok(Math.abs(value - expected[i]!) < 1e-12, `${value} ≠ ${expected[i]}`)
  );
}

test("continuousBinning() takes the reference deciles, dedups ties, and drops the outer two", () => {
  // Sorted finite values (n = 9): 1 1 1 1 2 2 3 4 5; decile p sits at h = 8p with linear interpolation:
  // p=0 → 1, .1 → 1, .2 → 1, .3 → 1, .4 → h 3.2 → 1 + .2·(2−1) = 1.2, .5 → 2, .6 → h 4.8 → 2,
  // .7 → h 5.6 → 2 + .6·(3−2) = 2.6, .8 → h 6.4 → 3.4, .9 → h 7.2 → 4.2, 1 → 5.
  // Unique: 1 1.2 2 2.6 3.4 4.2 5 → without the first and last: 1.2 2 2.6 3.4 4.2.
  const binning = continuousBinning(Float64Array.from([1, 1, 1, 1, 2, 2, 3, 4, 5, NaN]));
  assertClose([...binning.breaks], [1.2, 2, 2.6, 3.4, 4.2]);
  assert.equal(binning.labels.length, 7);
  assert.equal(binning.labels[6], "null");
});

test("assignContinuous() uses left-closed bins and puts nulls in the null bin", () => {
  // Deciles of 0, 10, …, 100 are the values themselves; without the outer two the breaks are 10, 20, …, 90.
  const binning = continuousBinning(Float64Array.from([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]));
  const values = Float64Array.from([0, 9.99, 10, 20, 89.9, 90, 1e9, NaN, -Infinity]);
  assert.deepEqual([...assignContinuous(binning, values)], [0, 0, 1, 2, 8, 9, 9, 10, 0]);
});

test("continuousBinning() keeps one or two unique deciles; drops the outer ones of three or more", () => {
  assert.deepEqual([...continuousBinning(Float64Array.from([7, 7])).breaks], [7]);
  // Ten 0s then a 1 (n = 11, h = 10p): every decile below the maximum is 0.
  assert.deepEqual(
    [...continuousBinning(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).breaks],
    [0, 1]
  );
  // 0 0 0 1 1 1: deciles 0 ×5, 0.5, 1 ×5 → unique 0, 0.5, 1 → the middle one alone.
  assert.deepEqual([...continuousBinning(Float64Array.from([0, 1, 0, 1, 0, 1])).breaks], [0.5]);
  assertClose(
    [...continuousBinning(Float64Array.from([0, 1])).breaks],
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
  );
});

test("discreteCodes() gives one bin per value across both datasets and one for nulls", () => {
  const [p, q] = [
    vectorFromArray(["a", null, "b"], new Utf8()),
    vectorFromArray(["b", "c", null], new Utf8())
  ];
  const codes = [new Int32Array(3), new Int32Array(3)] as const;
  const {labels, bins} = discreteCodes(p, q, [undefined, undefined], codes);
  assert.deepEqual(labels, ["a", "b", "c", "null"]);
  assert.deepEqual(
    codes.map((c) => [...c].map((code) => bins![code])),
    [
      [0, 3, 1],
      [1, 2, 3]
    ]
  );
  assert.deepEqual([...countCodes(codes[1], 4, bins, labels.length)], [0, 1, 1, 1]);
});
