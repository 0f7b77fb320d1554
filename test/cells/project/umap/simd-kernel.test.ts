import assert from "node:assert/strict";
import test from "node:test";
import {simdKernels} from "../../../../src/cells/project/umap/simd-kernel.ts";
import {paddedStride} from "../../../../src/cells/project/umap/vector-store.ts";
import {Random} from "../../../../src/cells/random.ts";

const f = Math.fround;

/**
 * The kernels' sums written out in scalar float32, as their documentation states them: eight lanes, lane l of
 * step s (32 bytes) adding into accumulator s mod 2, lane l mod 4; then the two accumulators added lane by
 * lane, and the four lanes summed left to right.
 */
function reference(a: Float32Array, b: Float32Array, squareOfDifference: boolean): number {
  const acc = [new Float32Array(4), new Float32Array(4)];
  for (let i = 0; i < a.length; ++i) {
    const term = squareOfDifference ? f(f(a[i]! - b[i]!) * f(a[i]! - b[i]!)) : f(a[i]! * b[i]!);
    const lanes = acc[Math.floor(i / 4) % 2]!;
    lanes[i % 4] = f(lanes[i % 4]! + term);
  }
  const v = acc[0]!.map((x, l) => f(x + acc[1]![l]!));
  return f(f(f(v[0]! + v[1]!) + v[2]!) + v[3]!);
}

for (const shared of [false, true]) {
  test(`the SIMD kernels over ${shared ? "shared" : "plain"} memory equal their scalar float32 definition bit for bit, every row length from 1 to 70`, () => {
    const memory = shared
      ? new WebAssembly.Memory({initial: 1, maximum: 1, shared: true})
      : new WebAssembly.Memory({initial: 1});
    const kernels = simdKernels(memory, shared);
    assert.ok(kernels, "WebAssembly SIMD is available in Node");
    const random = new Random(5);
    for (let dim = 1; dim <= 70; ++dim) {
      // Two zero-padded rows, as the vector stores lay them out (whole 32-byte steps).
      const stride = paddedStride(dim);
      const rows = new Float32Array(memory.buffer, 0, 2 * stride).fill(0);
      for (let d = 0; d < dim; ++d) {
        rows[d] = random.normal() * 10;
        rows[stride + d] = random.normal();
      }
      const [a, b] = [rows.slice(0, stride), rows.slice(stride, 2 * stride)];
      const end = stride * 4;
      assert.equal(kernels.sqdist(0, end, end), reference(a, b, true), `sqdist, dim ${dim}`);
      assert.equal(kernels.dot(0, end, end), reference(a, b, false), `dot, dim ${dim}`);
    }
  });
}
