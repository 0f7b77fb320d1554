import {jacobiEigen} from "./jacobi-eigen.ts";

/** y = A·x for a symmetric operator A of size n. */
export type SymmetricOperator = (x: Float64Array, y: Float64Array) => void;

export interface KrylovOptions {
  /** Unit vector to keep out of the search (a known eigenvector), if any. */
  readonly deflate?: Float64Array;
  /** Most basis vectors held at once. */
  readonly basisSize: number;
  /** Residual ‖A·y − θ·y‖ below which a Ritz pair has converged. */
  readonly tolerance: number;
  /** Most restarts before returning the best vectors found. */
  readonly maxRestarts: number;
}

/**
 * The `count` eigenvectors of largest eigenvalue of a symmetric operator, by thick-restarted Lanczos
 * (Krylov–Schur, Stewart 2001) with full reorthogonalization: grow an orthonormal Krylov basis, take the
 * Ritz vectors of the projected matrix, keep the best few and the next Krylov direction, and go on until
 * the wanted ones have converged. Deterministic for a given start vector.
 */
export function topEigenvectors(
  apply: SymmetricOperator,
  n: number,
  count: number,
  start: Float64Array,
  {deflate, basisSize, tolerance, maxRestarts}: KrylovOptions
): Float64Array[] {
  const m = Math.min(basisSize, n - (deflate ? 1 : 0));
  const keep = Math.min(m - 1, count + Math.max(2, Math.floor((m - count) / 2)));
  const basis: Float64Array[] = [];
  const images: Float64Array[] = [];
  let next = start.slice();
  let ritz: Float64Array[] = [];
  for (let restart = 0; restart <= maxRestarts; ++restart) {
    // Grow the basis from `next` to m vectors, keeping A·v for each.
    while (basis.length < m) {
      if (!orthonormalize(next, basis, deflate)) break;
      basis.push(next);
      const image = new Float64Array(n);
      apply(next, image);
      images.push(image);
      next = image.slice();
    }
    const p = basis.length;
    const projected = projectedMatrix(basis, images);
    const {values, vectors} = jacobiEigen(projected, p);
    const kept = Math.min(keep, p);
    ritz = combine(basis, vectors, p, kept);
    const ritzImages = combine(images, vectors, p, kept);
    let converged = p < m; // an invariant subspace: the Ritz pairs are exact
    if (!converged) {
      converged = true;
      for (let c = 0; c < Math.min(count, kept); ++c) {
        if (residual(ritzImages[c]!, ritz[c]!, values[c]!) > tolerance) converged = false;
      }
    }
    if (converged || restart === maxRestarts) break;
    // The next Krylov direction is A·v_m made orthogonal to the whole basis (not only to the kept Ritz
    // vectors, or the discarded directions would come back).
    next = images[p - 1]!.slice();
    if (!orthonormalize(next, basis, deflate)) break;
    basis.length = 0;
    images.length = 0;
    basis.push(...ritz);
    images.push(...ritzImages);
  }
  return ritz.slice(0, count);
}

/** Orthogonalizes v against the basis (twice, for stability) and scales it to unit length; false if nothing is left. */
function orthonormalize(
  v: Float64Array,
  basis: readonly Float64Array[],
  deflate: Float64Array | undefined
): boolean {
  const before = Math.sqrt(dot(v, v));
  for (let pass = 0; pass < 2; ++pass) {
    if (deflate) axpy(-dot(deflate, v), deflate, v);
    for (const u of basis) axpy(-dot(u, v), u, v);
  }
  const norm = Math.sqrt(dot(v, v));
  if (!(norm > 1e-10 * before)) return false;
  for (let i = 0; i < v.length; ++i) v[i]! /= norm;
  return true;
}

/**
 * The projected matrix Vᵀ·A·V (p × p), symmetrized: h[i, j] = (v_i · Av_j + v_j · Av_i) / 2. Its p² dot
 * products are most of a restart's work (a matrix–vector product costs a few of them): four are summed at
 * once, each in its own accumulator and in index order, so that the sums do not wait on one another's
 * additions and every value is the one a plain `dot` gives, bit for bit.
 */
function projectedMatrix(basis: readonly Float64Array[], images: readonly Float64Array[]): Float64Array {
  const p = basis.length;
  const products = new Float64Array(p * p); // [i * p + j] = v_i · Av_j
  for (let i = 0; i < p; ++i) {
    const v = basis[i]!;
    let j = 0;
    for (; j + 4 <= p; j += 4) {
      const [a, b, c, d] = [images[j]!, images[j + 1]!, images[j + 2]!, images[j + 3]!];
      let [sa, sb, sc, sd] = [0, 0, 0, 0];
      for (let r = 0; r < v.length; ++r) {
        const x = v[r]!;
        sa += x * a[r]!;
        sb += x * b[r]!;
        sc += x * c[r]!;
        sd += x * d[r]!;
      }
      products.set([sa, sb, sc, sd], i * p + j);
    }
    for (; j < p; ++j) products[i * p + j] = dot(v, images[j]!);
  }
  const projected = new Float64Array(p * p);
  for (let i = 0; i < p; ++i) {
    for (let j = i; j < p; ++j) {
      const h = (products[i * p + j]! + products[j * p + i]!) / 2;
      projected[i * p + j] = h;
      projected[j * p + i] = h;
    }
  }
  return projected;
}

/**
 * The first `count` columns of vectors (p × p) applied to the basis: Σ_i basis[i] · vectors[i, c], each
 * output summed over i in order. Four outputs are built per pass over a basis vector, so that each is read
 * a quarter as often; every value is the one `count` separate passes of `axpy` give, bit for bit.
 */
function combine(
  basis: readonly Float64Array[],
  vectors: Float64Array,
  p: number,
  count: number
): Float64Array[] {
  const n = basis[0]!.length;
  const out = Array.from({length: count}, () => new Float64Array(n));
  let c = 0;
  for (; c + 4 <= count; c += 4) {
    const [ya, yb, yc, yd] = [out[c]!, out[c + 1]!, out[c + 2]!, out[c + 3]!];
    for (let i = 0; i < p; ++i) {
      const x = basis[i]!;
      const [a, b, cc, d] = [
        vectors[i * p + c]!,
        vectors[i * p + c + 1]!,
        vectors[i * p + c + 2]!,
        vectors[i * p + c + 3]!
      ];
      for (let r = 0; r < n; ++r) {
        const xr = x[r]!;
        ya[r]! += a * xr;
        yb[r]! += b * xr;
        yc[r]! += cc * xr;
        yd[r]! += d * xr;
      }
    }
  }
  for (; c < count; ++c) for (let i = 0; i < p; ++i) axpy(vectors[i * p + c]!, basis[i]!, out[c]!);
  return out;
}

function residual(image: Float64Array, y: Float64Array, theta: number): number {
  let sum = 0;
  for (let i = 0; i < y.length; ++i) {
    const r = image[i]! - theta * y[i]!;
    sum += r * r;
  }
  return Math.sqrt(sum);
}

function dot(x: Float64Array, y: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; ++i) sum += x[i]! * y[i]!;
  return sum;
}

/** y += alpha · x */
function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; ++i) y[i]! += alpha * x[i]!;
}
