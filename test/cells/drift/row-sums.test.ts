import assert from "node:assert/strict";
import {test} from "node:test";
import {rowSumsKernel} from "../../../src/cells/drift/row-sums-kernel.ts";
import {rowSums, windowSums} from "../../../src/cells/drift/row-sums.ts";

// Values over twenty binary orders of magnitude, of both signs: sums taken in another order differ in their
// last bits, so only the row order gives the expected sums.
function values(n: number, seed: number): number[] {
  let x = seed;
  const random = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({length: n}, () => (random() - 0.5) * 2 ** Math.floor(random() * 20));
}

/** Rows 0 … n − 1 shuffled in runs of consecutive rows, as a time order across files would give. */
function runs(n: number): Int32Array {
  const rows: number[] = [];
  for (let start = 0, k = 0; start < n; start += 1 + (k++ % 7)) {
    const run = Array.from({length: Math.min(1 + (k % 7), n - start)}, (_, i) => start + i);
    if (k % 3 === 0) rows.unshift(...run);
    else rows.push(...run);
  }
  return Int32Array.from(rows);
}

test("the row-sums kernel compiles here (WebAssembly SIMD), so the tests below compare it with the loop", () => {
  assert.ok(rowSumsKernel(new WebAssembly.Memory({initial: 1})));
});

test("rowSums() adds rows in their order, the SIMD kernel exactly as the plain loop", () => {
  for (const dim of [384, 7, 3]) {
    const n = 700; // more rows than the kernel stages at a time
    const vectors = Float32Array.from(values(n * dim, dim));
    const rows = runs(n);
    const expected = new Float64Array(2 * dim).fill(0.25);
    for (let i = 5; i < n - 3; ++i)
      for (let j = 0; j < dim; ++j) expected[dim + j]! += vectors[rows[i]! * dim + j]!;
    for (const simd of [true, false]) {
      const sums = new Float64Array(2 * dim).fill(0.25);
      rowSums(vectors, dim, simd).add(sums, dim, rows, 5, n - 3);
      assert.deepEqual(sums, expected, `dim ${dim}, simd ${simd}`);
    }
  }
});

test("windowSums() adds each bucket's rows in order, then each window's buckets in order, kernel as loop", () => {
  for (const dim of [384, 6, 2]) {
    const n = 300;
    const vectors = Float32Array.from(values(n * dim, dim));
    const order = runs(n);
    const starts = Int32Array.from([0, 0, 40, 41, 180, 300]); // five buckets, the first empty
    const bounds = Int32Array.from([0, 2, 1, 4, 2, 2, 0, 5, 4, 5]); // windows over buckets, one of none
    const buckets = Array.from({length: 5}, (_, b) => {
      const sums = new Float64Array(dim);
      for (let i = starts[b]!; i < starts[b + 1]!; ++i)
        for (let j = 0; j < dim; ++j) sums[j]! += vectors[order[i]! * dim + j]!;
      return sums;
    });
    const expected = Array.from({length: 5}, (_, w) => {
      const sums = new Float64Array(dim);
      for (let b = bounds[2 * w]!; b < bounds[2 * w + 1]!; ++b)
        for (let j = 0; j < dim; ++j) sums[j]! += buckets[b]![j]!;
      return sums;
    });
    for (const simd of [true, false]) {
      const actual: Float64Array[] = [];
      windowSums(
        vectors,
        dim,
        order,
        starts,
        bounds,
        (w, sums) => (actual[w] = Float64Array.from(sums)),
        simd
      );
      assert.deepEqual(actual, expected, `dim ${dim}, simd ${simd}`);
    }
  }
});
