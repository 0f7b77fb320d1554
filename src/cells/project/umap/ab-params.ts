/** The layout's similarity curve 1 / (1 + a·d^(2b)). */
export interface CurveParams {
  readonly a: number;
  readonly b: number;
}

const SAMPLES = 300;
const MAX_ITERATIONS = 500;

/**
 * umap-learn's `find_ab_params`: least-squares fit of 1 / (1 + a·x^(2b)) to the offset exponential
 * (1 below minDist, exp(−(x − minDist) / spread) above) on 300 points of [0, 3·spread], by
 * Levenberg–Marquardt from a = b = 1 as scipy's `curve_fit` does.
 */
export function findAbParams(spread: number, minDist: number): CurveParams {
  const xs = new Float64Array(SAMPLES);
  const ys = new Float64Array(SAMPLES);
  for (let i = 0; i < SAMPLES; ++i) {
    const x = (3 * spread * i) / (SAMPLES - 1);
    xs[i] = x;
    ys[i] = x < minDist ? 1 : Math.exp(-(x - minDist) / spread);
  }
  let a = 1;
  let b = 1;
  let lambda = 1e-3;
  let cost = sumOfSquares(xs, ys, a, b);
  for (let iter = 0; iter < MAX_ITERATIONS; ++iter) {
    // Normal equations JᵀJ δ = −Jᵀr of the 2-parameter problem.
    let jaa = 0;
    let jab = 0;
    let jbb = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < SAMPLES; ++i) {
      const x = xs[i]!;
      const p = x > 0 ? Math.pow(x, 2 * b) : 0;
      const denominator = 1 + a * p;
      const r = 1 / denominator - ys[i]!;
      const da = -p / (denominator * denominator);
      const db = x > 0 ? (-a * p * 2 * Math.log(x)) / (denominator * denominator) : 0;
      jaa += da * da;
      jab += da * db;
      jbb += db * db;
      ga += da * r;
      gb += db * r;
    }
    let improved = false;
    while (lambda < 1e12) {
      const maa = jaa * (1 + lambda);
      const mbb = jbb * (1 + lambda);
      const det = maa * mbb - jab * jab;
      const stepA = (-ga * mbb + gb * jab) / det;
      const stepB = (-gb * maa + ga * jab) / det;
      const next = sumOfSquares(xs, ys, a + stepA, b + stepB);
      if (next < cost) {
        const converged = Math.abs(cost - next) <= 1e-15 * Math.max(1, cost);
        a += stepA;
        b += stepB;
        cost = next;
        lambda = Math.max(lambda / 10, 1e-12);
        improved = !converged;
        break;
      }
      lambda *= 10;
    }
    if (!improved) break;
  }
  return {a, b};
}

function sumOfSquares(xs: Float64Array, ys: Float64Array, a: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < SAMPLES; ++i) {
    const x = xs[i]!;
    const r = 1 / (1 + a * (x > 0 ? Math.pow(x, 2 * b) : 0)) - ys[i]!;
    sum += r * r;
  }
  return sum;
}
