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

test("continuousBinning() keeps the smaller of one or two unique deciles; drops the outer ones of three or more", () => {
  assert.deepEqual([...continuousBinning(Float64Array.from([7, 7])).breaks], [7]);
  // Ten 0s then a 1 (n = 11, h = 10p): every decile below the maximum is 0. Unique 0 and 1: Phoenix keeps the
  // minimum alone (QuantileBinning: breaks[1:-1] if len(breaks) > 2 else breaks[:1]), bins [−∞, 0), [0, +∞).
  assert.deepEqual([...continuousBinning(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).breaks], [0]);
  // −∞, −∞, 1 (h = 2p): NaN up to p = .7 (∞ − ∞, or ∞·0), −∞ at .8 and .9 (1 − ∞·(1 − t)), 1 at p = 1:
  // −∞ alone.
  assert.deepEqual([...continuousBinning(Float64Array.of(-Infinity, -Infinity, 1)).breaks], [-Infinity]);
  // 0 0 0 1 1 1: deciles 0 ×5, 0.5, 1 ×5 → unique 0, 0.5, 1 → the middle one alone.
  assert.deepEqual([...continuousBinning(Float64Array.from([0, 1, 0, 1, 0, 1])).breaks], [0.5]);
  assertClose(
    [...continuousBinning(Float64Array.from([0, 1])).breaks],
    [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
  );
});

// Phoenix bins on np.nanquantile of the reference at 0, .1, …, 1: every value but NaN counts, infinities
// too, in NumPy's arithmetic (∞ − ∞ is NaN); NaN quantiles are dropped, the rest deduplicated, the outer two
// dropped.
test("continuousBinning() takes NumPy's quantiles of every non-null value, +Infinity included", () => {
  // 0 … 69 then thirty +∞ (n = 100, h = 99p): p = .1 → h 9.9 → 9 + .9·(10 − 9) = 9.9, …, .6 → 59.4;
  // p = .7 → h 69.3, between 69 and ∞: 69 + (∞ − 69)·.3 = ∞; .8, .9 between ∞ and ∞: ∞ − ∞ = NaN; 1 → NaN.
  // Unique 0, 9.9, …, 59.4, ∞ → without the outer two: 9.9 … 59.4 (np.nanquantile's, bit for bit).
  const values = Float64Array.from({length: 101}, (_, i) => (i < 70 ? i : i < 100 ? Infinity : NaN));
  assert.deepEqual([...continuousBinning(values).breaks], [9.9, 19.8, 29.7, 39.6, 49.5, 59.4]);
});

test("continuousBinning() takes NumPy's quantiles of every non-null value, −Infinity included", () => {
  // Thirty −∞ then 0 … 69 (h = 99p): p = 0, .1, .2 read −∞ and −∞: NaN; .3 → h 29.7, t ≥ .5:
  // 0 − (0 − −∞)·.3 = −∞; .4 → h 39.6, between 9 and 10, t ≥ .5: 10 − 1·(1 − .6…) = 9.600000000000001
  // (NumPy's); 1 → 69. Unique −∞, 9.600000000000001, 19.5, …, 69 → without the outer two.
  const values = Float64Array.from({length: 100}, (_, i) => (i < 30 ? -Infinity : i - 30));
  assert.deepEqual(
    [...continuousBinning(values).breaks],
    [9.600000000000001, 19.5, 29.4, 39.3, 49.2, 59.10000000000001]
  );
});

test("continuousBinning() drops the quantiles NumPy makes NaN where an infinity meets the interpolation", () => {
  // 1 and ∞ (h = p): p = 0 → 1 + (∞ − 1)·0 = NaN; .1 … .4 → ∞; .5 … .9 (t ≥ .5) → ∞ − ∞·(1 − t) = NaN;
  // 1 → NaN.
  assert.deepEqual([...continuousBinning(Float64Array.of(1, Infinity)).breaks], [Infinity]);
  // Only +∞: every quantile NaN, no break: one numeric bin.
  assert.deepEqual([...continuousBinning(Float64Array.of(Infinity, Infinity, NaN)).breaks], []);
});

test("assignContinuous() puts +Infinity in the null bin and −Infinity in the first, as pandas' cut", () => {
  // Bins [−∞, b1), …, [bk, ∞) are left-closed: −∞ is in the first, +∞ in none (pd.cut makes it NaN, missing).
  const tens = continuousBinning(Float64Array.from({length: 11}, (_, i) => 10 * i));
  assert.deepEqual(
    [...assignContinuous(tens, Float64Array.of(Infinity, -Infinity, NaN, 95))],
    [10, 0, 10, 9]
  );
  // A break at +∞ (searched, not counted side by side): its bin [∞, ∞) holds nothing.
  const infinite = continuousBinning(Float64Array.of(1, Infinity));
  assert.deepEqual([...assignContinuous(infinite, Float64Array.of(Infinity, 5, -Infinity))], [2, 0, 0]);
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
