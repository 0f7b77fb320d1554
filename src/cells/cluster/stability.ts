import type {CondensedTree} from "./condensed-tree.ts";

/**
 * Each cluster's stability (indexed by cluster id − points), as hdbscan's `compute_stability`: the sum over
 * the cluster's rows of (lambda − the cluster's birth lambda) × child size, accumulated in row order. The
 * root is born at lambda 0. Infinite lambdas (points at distance 0) give infinite or NaN terms, as there.
 */
export function clusterStability(tree: CondensedTree): Float64Array {
  const {points, clusters, length, parent, child, lambda, childSize} = tree;
  const birth = new Float64Array(clusters);
  for (let row = 0; row < length; ++row) {
    if (child[row]! >= points) birth[child[row]! - points] = lambda[row]!;
  }
  const stability = new Float64Array(clusters);
  for (let row = 0; row < length; ++row) {
    const cluster = parent[row]! - points;
    stability[cluster]! += (lambda[row]! - birth[cluster]!) * childSize[row]!;
  }
  return stability;
}
