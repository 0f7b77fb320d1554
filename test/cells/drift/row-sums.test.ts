import assert from "node:assert/strict";
import {test} from "node:test";
import {rowSumsKernel} from "../../../src/cells/drift/row-sums-kernel.ts";
import {rangeSums, rowSums} from "../../../src/cells/drift/row-sums.ts";

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

test("rangeSums() adds each range's consecutive rows in order; an empty range sums to zero", () => {
  for (const width of [384, 6, 2]) {
    const rows = Float64Array.from(values(40 * width, width));
    const ranges = Int32Array.from([0, 40, 3, 10, 7, 7, 9, 14, 39, 40]);
    const expected = new Float64Array((ranges.length / 2) * width);
    for (let r = 0; r < ranges.length / 2; ++r)
      for (let b = ranges[2 * r]!; b < ranges[2 * r + 1]!; ++b)
        for (let j = 0; j < width; ++j) expected[r * width + j]! += rows[b * width + j]!;
    for (const simd of [true, false])
      assert.deepEqual(rangeSums(rows, width, ranges, simd), expected, `width ${width}, simd ${simd}`);
  }
});
