import type {SpanningTree} from "./mst.ts";

/**
 * A single-linkage dendrogram of n points in scipy's linkage format: merge i joins nodes left[i] and right[i]
 * at distance[i] into node n + i, of size[i] points. Nodes below n are points.
 */
export interface SingleLinkage {
  readonly points: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly distance: Float64Array;
  readonly size: Int32Array;
}

/**
 * The dendrogram of a minimum spanning tree, as hdbscan's `label()` builds it: edges in ascending weight
 * (ties in edge order), each joining the current roots of its two ends into a new node.
 */
export function singleLinkage(points: number, tree: SpanningTree): SingleLinkage {
  const {from, to, weight} = tree;
  const merges = from.length;
  const order = new Int32Array(merges);
  for (let i = 0; i < merges; ++i) order[i] = i;
  order.sort((a, b) => weight[a]! - weight[b]! || a - b);

  const left = new Int32Array(merges);
  const right = new Int32Array(merges);
  const distance = new Float64Array(merges);
  const size = new Int32Array(merges);
  // parent[x] = the node x was merged into (itself while a root); points have size 1.
  const parent = new Int32Array(points + merges);
  for (let i = 0; i < parent.length; ++i) parent[i] = i;
  const nodeSize = (node: number) => (node < points ? 1 : size[node - points]!);
  for (let i = 0; i < merges; ++i) {
    const edge = order[i]!;
    const a = root(parent, from[edge]!);
    const b = root(parent, to[edge]!);
    left[i] = a;
    right[i] = b;
    distance[i] = weight[edge]!;
    size[i] = nodeSize(a) + nodeSize(b);
    parent[a] = parent[b] = points + i;
  }
  return {points, left, right, distance, size};
}

/** The root of x, compressing the path on the way. */
function root(parent: Int32Array, x: number): number {
  let r = x;
  while (parent[r] !== r) r = parent[r]!;
  while (parent[x] !== r) {
    const next = parent[x]!;
    parent[x] = r;
    x = next;
  }
  return r;
}
