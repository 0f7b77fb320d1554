import type {CondensedTree} from "./condensed-tree.ts";

/** Flat labels read off the condensed tree. */
export interface Labelling {
  /** Cluster of each point, −1 for noise. */
  readonly labels: Int32Array;
  /** Membership strength of each point in [0, 1]; 0 for noise. */
  readonly probabilities: Float32Array;
  /** Points per cluster. */
  readonly sizes: Int32Array;
}

/**
 * hdbscan's `do_labelling` and `get_probabilities`: a point belongs to its nearest selected ancestor cluster
 * (none: noise), clusters numbered from 0 in ascending id. Its probability is the lambda at which it left the
 * tree, capped at and divided by the largest lambda among its cluster's own rows (1 when that is 0 or the
 * point's lambda is infinite).
 */
export function labelPoints(tree: CondensedTree, selected: Uint8Array): Labelling {
  const {points, clusters, length, parent, child, lambda} = tree;
  const number = new Int32Array(clusters).fill(-1);
  let count = 0;
  for (let c = 1; c < clusters; ++c) if (selected[c]) number[c] = count++;
  // Cluster rows precede their subtrees, so owners resolve top-down in row order.
  const owner = new Int32Array(clusters).fill(-1);
  const death = new Float64Array(clusters);
  for (let row = 0; row < length; ++row) {
    const p = parent[row]! - points;
    if (lambda[row]! > death[p]!) death[p] = lambda[row]!;
    const c = child[row]! - points;
    if (c >= 0) owner[c] = selected[c] ? c : owner[p]!;
  }
  const labels = new Int32Array(points).fill(-1);
  const probabilities = new Float32Array(points);
  const sizes = new Int32Array(count);
  for (let row = 0; row < length; ++row) {
    const point = child[row]!;
    if (point >= points) continue;
    const cluster = owner[parent[row]! - points]!;
    if (cluster < 0) continue;
    labels[point] = number[cluster]!;
    ++sizes[number[cluster]!]!;
    const max = death[cluster]!;
    const l = lambda[row]!;
    probabilities[point] = max === 0 || !Number.isFinite(l) ? 1 : Math.min(l, max) / max;
  }
  return {labels, probabilities, sizes};
}
