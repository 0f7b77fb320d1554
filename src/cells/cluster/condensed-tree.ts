import type {SingleLinkage} from "./single-linkage.ts";

/**
 * hdbscan's condensed tree: rows (parent cluster, child, lambda, child size) where the child is a point
 * (id < points, size 1) leaving the parent at lambda = 1 / distance, or a cluster (id ≥ points) born from a
 * true split at that lambda. Cluster ids run from `points` (the root) to points + clusters − 1, parents before
 * children.
 */
export interface CondensedTree {
  /** Number of points. */
  readonly points: number;
  /** Number of clusters, the root included. */
  readonly clusters: number;
  /** Number of rows. */
  readonly length: number;
  readonly parent: Int32Array;
  readonly child: Int32Array;
  /** 1 / distance, Infinity at distance 0. */
  readonly lambda: Float64Array;
  readonly childSize: Int32Array;
}

/**
 * Condenses a dendrogram as hdbscan's `condense_tree` does, row for row: walk the merges breadth-first from
 * the top; where both sides hold at least minClusterSize points, both become new clusters; otherwise a side
 * below the size leaves the current cluster point by point (its points in breadth-first order), and a side
 * at or above it carries the current cluster on.
 */
export function condenseTree(linkage: SingleLinkage, minClusterSize: number): CondensedTree {
  const {points, left, right, distance, size} = linkage;
  const nodes = 2 * points - 1;
  const rootNode = nodes - 1;
  const parent = new Int32Array(2 * points);
  const child = new Int32Array(2 * points);
  const lambda = new Float64Array(2 * points);
  const childSize = new Int32Array(2 * points);
  let length = 0;
  const emit = (p: number, c: number, l: number, s: number) => {
    parent[length] = p;
    child[length] = c;
    lambda[length] = l;
    childSize[length++] = s;
  };

  const relabel = new Int32Array(nodes);
  relabel[rootNode] = points;
  let nextLabel = points + 1;
  const ignore = new Uint8Array(nodes);
  const order = new Int32Array(nodes);
  breadthFirst(linkage, rootNode, order);
  const queue = new Int32Array(nodes);
  const countOf = (node: number) => (node < points ? 1 : size[node - points]!);
  // Every point of `subtree` leaves cluster `from` at `at`; its nodes are done.
  const fallOut = (subtree: number, from: number, at: number) => {
    const count = breadthFirst(linkage, subtree, queue);
    for (let i = 0; i < count; ++i) {
      const node = queue[i]!;
      if (node < points) emit(from, node, at, 1);
      ignore[node] = 1;
    }
  };

  for (let i = 0; i < nodes; ++i) {
    const node = order[i]!;
    if (node < points || ignore[node]) continue;
    const merge = node - points;
    const a = left[merge]!;
    const b = right[merge]!;
    const at = distance[merge]! > 0 ? 1 / distance[merge]! : Infinity;
    const cluster = relabel[node]!;
    const aCount = countOf(a);
    const bCount = countOf(b);
    if (aCount >= minClusterSize && bCount >= minClusterSize) {
      relabel[a] = nextLabel++;
      emit(cluster, relabel[a]!, at, aCount);
      relabel[b] = nextLabel++;
      emit(cluster, relabel[b]!, at, bCount);
    } else if (aCount < minClusterSize && bCount < minClusterSize) {
      fallOut(a, cluster, at);
      fallOut(b, cluster, at);
    } else if (aCount < minClusterSize) {
      relabel[b] = cluster;
      fallOut(a, cluster, at);
    } else {
      relabel[a] = cluster;
      fallOut(b, cluster, at);
    }
  }
  return {
    points,
    clusters: nextLabel - points,
    length,
    parent: parent.subarray(0, length),
    child: child.subarray(0, length),
    lambda: lambda.subarray(0, length),
    childSize: childSize.subarray(0, length)
  };
}

/** Writes the nodes under `top` (itself included) into `out` in breadth-first order; returns their count. */
function breadthFirst(linkage: SingleLinkage, top: number, out: Int32Array): number {
  const {points, left, right} = linkage;
  out[0] = top;
  let count = 1;
  for (let i = 0; i < count; ++i) {
    const node = out[i]!;
    if (node < points) continue;
    out[count++] = left[node - points]!;
    out[count++] = right[node - points]!;
  }
  return count;
}
