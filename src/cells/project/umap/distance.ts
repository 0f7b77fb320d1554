/** Squared Euclidean distance between rows starting at offsets `a` and `b` of `data` (unrolled by 4). */
export function squaredDistance(data: Float32Array, a: number, b: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < dim; d += 4) {
    const x0 = data[a + d]! - data[b + d]!;
    const x1 = data[a + d + 1]! - data[b + d + 1]!;
    const x2 = data[a + d + 2]! - data[b + d + 2]!;
    const x3 = data[a + d + 3]! - data[b + d + 3]!;
    s0 += x0 * x0;
    s1 += x1 * x1;
    s2 += x2 * x2;
    s3 += x3 * x3;
  }
  for (; d < dim; ++d) {
    const x = data[a + d]! - data[b + d]!;
    s0 += x * x;
  }
  return s0 + s1 + (s2 + s3);
}
