import assert from "node:assert/strict";
import {test} from "node:test";
import {
  numpyLerp,
  quantileSorted,
  quantilesOfNumbers,
  sortedNumbers
} from "../../../src/cells/drift/quantile.ts";

const DECILES = Array.from({length: 11}, (_, i) => i / 10);

function random(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

test("quantilesOfNumbers() selects what a full sort gives, bit for bit, ties, signed zeros, nulls and infinities included", () => {
  const r = random(3);
  const n = 5000;
  const cases: Record<string, (i: number) => number> = {
    uniform: () => r(),
    "few values": () => Math.floor(r() * 4),
    ascending: (i) => i,
    descending: (i) => -i,
    "organ pipe": (i) => Math.min(i, n - i),
    "signed zeros": () => [0, -0, -1e-300, 1e-300, -0][Math.floor(r() * 5)]!,
    "nulls and infinities": () => [NaN, Infinity, -Infinity, r()][Math.floor(r() * 4)]!,
    "all equal": () => 7
  };
  for (const [name, value] of Object.entries(cases)) {
    for (const size of [n, 40, 1]) {
      const values = Float64Array.from({length: size}, (_, i) => value(i));
      const sorted = sortedNumbers(values);
      const expected = DECILES.map((p) => quantileSorted(sorted, p, numpyLerp));
      const actual = quantilesOfNumbers(values, DECILES);
      assert.ok(
        actual.every((q, i) => Object.is(q, expected[i])),
        `${name}, n = ${size}: ${actual} vs ${expected}`
      );
    }
  }
});

test("quantilesOfNumbers() has no quantiles without a value but NaN, and leaves its input as it was", () => {
  assert.deepEqual(quantilesOfNumbers(Float64Array.from([NaN, NaN]), DECILES), []);
  // One +∞: NumPy reads ∞ and ∞ for every quantile, ∞ − ∞ = NaN.
  assert.ok(quantilesOfNumbers(Float64Array.from([NaN, Infinity]), DECILES).every(Number.isNaN));
  const values = Float64Array.from([3, 1, 2]);
  quantilesOfNumbers(values, DECILES);
  assert.deepEqual([...values], [3, 1, 2]);
});

test("quantilesOfNumbers() selects what a full sort gives on large inputs, bucketed: skewed, tied, extreme, signed zeros, infinities", () => {
  const r = random(5);
  const n = 60_000;
  const cases: Record<string, (i: number) => number> = {
    uniform: () => r(),
    "heavy tail": () => 1 / (r() + 1e-9),
    "few values": () => Math.floor(r() * 3),
    "one outlier": (i) => (i === 777 ? 1e300 : r()),
    "full range": () => (r() - 0.5) * Number.MAX_VALUE * 2,
    "signed zeros": () => [0, -0, 1e-310, -1e-310][Math.floor(r() * 4)]!,
    descending: (i) => -i,
    // Outside the bucket's sample (its range finite), and inside it (then no buckets).
    "two infinities": (i) => (i === 777 ? Infinity : i === 778 ? -Infinity : r()),
    "many infinities": () => [Infinity, -Infinity, NaN, r(), r()][Math.floor(r() * 5)]!
  };
  for (const [name, value] of Object.entries(cases)) {
    const values = Float64Array.from({length: n}, (_, i) => value(i));
    const sorted = sortedNumbers(values);
    const expected = DECILES.map((p) => quantileSorted(sorted, p, numpyLerp));
    const actual = quantilesOfNumbers(values, DECILES);
    assert.ok(
      actual.every((q, i) => Object.is(q, expected[i])),
      `${name}: ${actual} vs ${expected}`
    );
  }
});

test("quantiles are NumPy's, bit for bit (np.quantile, linear), in both the sort and the selection", async () => {
  const {readFile} = await import("node:fs/promises");
  const recorded = JSON.parse(
    await readFile(new URL("../../fixtures/drift/numpy-quantiles.json", import.meta.url), "utf8")
  ) as {cases: {values: number[]; ps: number[]; quantiles: number[]}[]};
  let differing = 0;
  for (const {values, ps, quantiles} of recorded.cases) {
    const sorted = sortedNumbers(Float64Array.from(values));
    const selected = quantilesOfNumbers(Float64Array.from(values), ps);
    ps.forEach((p, i) => {
      if (!Object.is(quantileSorted(sorted, p), quantiles[i]) || !Object.is(selected[i], quantiles[i]))
        ++differing;
    });
  }
  assert.equal(differing, 0, `${differing} quantiles differ from NumPy's`);
  // The first decile of these six is 0.225 exactly, where a + (b − a)·t gave 0.22500000000000003: a primary
  // value of 0.225 fell in the bin below the break.
  assert.equal(quantileSorted(Float64Array.of(0.11, 0.34, 1.2, 19, 20, 40), 0.1), 0.225);
});
