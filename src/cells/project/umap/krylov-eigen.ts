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
    const projected = new Float64Array(p * p);
    for (let i = 0; i < p; ++i) {
      for (let j = i; j < p; ++j) {
        const h = (dot(basis[i]!, images[j]!) + dot(basis[j]!, images[i]!)) / 2;
        projected[i * p + j] = h;
        projected[j * p + i] = h;
      }
    }
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

/** The first `count` columns of vectors (p × p) applied to the basis: Σ_i basis[i] · vectors[i, c]. */
function combine(
  basis: readonly Float64Array[],
  vectors: Float64Array,
  p: number,
  count: number
): Float64Array[] {
  const n = basis[0]!.length;
  const out: Float64Array[] = [];
  for (let c = 0; c < count; ++c) {
    const y = new Float64Array(n);
    for (let i = 0; i < p; ++i) axpy(vectors[i * p + c]!, basis[i]!, y);
    out.push(y);
  }
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
