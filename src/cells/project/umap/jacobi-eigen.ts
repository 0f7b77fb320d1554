/** Eigenvalues (descending) and unit eigenvectors (`vectors[i·m + c]` is component i of vector c). */
export interface Eigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array;
}

const SWEEPS = 100;

/** Eigen-decomposition of a small dense symmetric m × m matrix (row-major) by cyclic Jacobi rotations. */
export function jacobiEigen(matrix: Float64Array, m: number): Eigen {
  const a = matrix.slice();
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; ++i) v[i * m + i] = 1;
  for (let sweep = 0; sweep < SWEEPS; ++sweep) {
    let off = 0;
    let diagonal = 0;
    for (let p = 0; p < m; ++p) {
      diagonal += a[p * m + p]! * a[p * m + p]!;
      for (let q = p + 1; q < m; ++q) off += a[p * m + q]! * a[p * m + q]!;
    }
    if (off <= 1e-30 * Math.max(diagonal, 1e-300)) break;
    for (let p = 0; p < m; ++p) for (let q = p + 1; q < m; ++q) rotate(a, v, m, p, q);
  }
  const order = Array.from({length: m}, (_, i) => i).sort((x, y) => a[y * m + y]! - a[x * m + x]!);
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  order.forEach((source, c) => {
    values[c] = a[source * m + source]!;
    for (let i = 0; i < m; ++i) vectors[i * m + c] = v[i * m + source]!;
  });
  return {values, vectors};
}

/** One Jacobi rotation zeroing a[p][q] (Golub & Van Loan's symmetric Schur step). */
function rotate(a: Float64Array, v: Float64Array, m: number, p: number, q: number): void {
  const apq = a[p * m + q]!;
  if (apq === 0) return;
  const theta = (a[q * m + q]! - a[p * m + p]!) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < m; ++k) {
    const akp = a[k * m + p]!;
    const akq = a[k * m + q]!;
    a[k * m + p] = c * akp - s * akq;
    a[k * m + q] = s * akp + c * akq;
  }
  for (let k = 0; k < m; ++k) {
    const apk = a[p * m + k]!;
    const aqk = a[q * m + k]!;
    a[p * m + k] = c * apk - s * aqk;
    a[q * m + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < m; ++k) {
    const vkp = v[k * m + p]!;
    const vkq = v[k * m + q]!;
    v[k * m + p] = c * vkp - s * vkq;
    v[k * m + q] = s * vkp + c * vkq;
  }
}
