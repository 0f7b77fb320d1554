import {stackCapacity, type KdTree} from "./kd-tree.ts";
import {lightestEdgeFromLeaf, lightestEdgeFromPoint, type Search} from "./lightest-edge.ts";
import {UnionFind} from "./union-find.ts";

/** A spanning tree of n points as n − 1 edges. */
export interface SpanningTree {
  /** One endpoint of each edge (a tree position, or an input index once mapped). */
  readonly from: Int32Array;
  /** The other endpoint of each edge. */
  readonly to: Int32Array;
  /** Mutual reachability distance of each edge (not squared). */
  readonly weight: Float64Array;
}

/**
 * The exact minimum spanning tree of the mutual reachability graph, where the distance between points a and
 * b is max(core a, core b, |a − b|), without building that graph: Borůvka's algorithm, each round finding
 * every component's lightest outgoing edge with k-d tree searches (lightest-edge.ts), then adding them all.
 * Edges of equal weight are taken in the order found; any choice among ties yields a tree of the same total
 * weight and the same single-linkage levels. `coreSquared` holds squared core distances by tree position;
 * the result's endpoints are tree positions.
 */
export function mutualReachabilityMst(tree: KdTree, coreSquared: Float64Array): SpanningTree {
  const {size, nodeCount, firstLeaf, start, end} = tree;
  const from = new Int32Array(Math.max(0, size - 1));
  const to = new Int32Array(from.length);
  const weight = new Float64Array(from.length);
  const sets = new UnionFind(size);
  const search: Search = {
    tree,
    coreSquared,
    nodeCore: nodeMinima(tree, coreSquared),
    component: new Int32Array(size),
    nodeComponent: new Int32Array(nodeCount),
    bestWeight: new Float64Array(size),
    bestFrom: new Int32Array(size),
    bestTo: new Int32Array(size),
    pointLower: new Float64Array(size),
    pointTo: new Int32Array(size).fill(-1),
    stackNode: new Int32Array(stackCapacity(tree)),
    stackBound: new Float64Array(stackCapacity(tree))
  };
  const {component, nodeComponent, bestWeight, bestFrom, bestTo, pointLower, pointTo} = search;
  let edges = 0;
  while (edges < size - 1) {
    // Phase 1: label each point, and each node whose points share one component, with its representative.
    for (let i = 0; i < size; ++i) component[i] = sets.find(i);
    for (let node = nodeCount - 1; node >= 0; --node) {
      if (node >= firstLeaf) {
        let shared = end[node]! > start[node]! ? component[start[node]!]! : -1;
        for (let p = start[node]! + 1; p < end[node]! && shared >= 0; ++p)
          if (component[p] !== shared) shared = -1;
        nodeComponent[node] = shared;
      } else {
        const left = nodeComponent[2 * node + 1]!;
        nodeComponent[node] = left === nodeComponent[2 * node + 2] ? left : -1;
      }
    }
    // Phase 2: every component's lightest outgoing edge. A point's lightest edge from an earlier round that
    // still leaves its component is still its lightest: offered first, it tightens the bounds of the searches.
    bestWeight.fill(Infinity);
    bestTo.fill(-1);
    for (let q = 0; q < size; ++q) {
      const p = pointTo[q]!;
      if (p < 0) continue;
      const own = component[q]!;
      if (component[p] === own) {
        pointTo[q] = -1;
      } else if (pointLower[q]! < bestWeight[own]!) {
        bestWeight[own] = pointLower[q]!;
        bestFrom[own] = q;
        bestTo[own] = p;
      }
    }
    for (let leaf = firstLeaf; leaf < nodeCount; ++leaf) {
      if (nodeComponent[leaf]! >= 0) lightestEdgeFromLeaf(search, leaf);
      else for (let q = start[leaf]!; q < end[leaf]!; ++q) lightestEdgeFromPoint(search, q);
    }
    // Phase 3: add them; an edge two components both chose (or a tie closing a cycle) is added once.
    for (let c = 0; c < size; ++c) {
      const b = bestTo[c]!;
      if (component[c] !== c || b < 0) continue;
      const a = bestFrom[c]!;
      if (!sets.union(a, b)) continue;
      from[edges] = a;
      to[edges] = b;
      weight[edges++] = Math.sqrt(bestWeight[c]!);
    }
  }
  return {from, to, weight};
}

/** The smallest of `values` (by tree position) within each node. */
function nodeMinima(tree: KdTree, values: Float64Array): Float64Array {
  const {nodeCount, firstLeaf, start, end} = tree;
  const minima = new Float64Array(nodeCount);
  for (let node = nodeCount - 1; node >= 0; --node) {
    let min = Infinity;
    if (node >= firstLeaf) {
      for (let p = start[node]!; p < end[node]!; ++p) if (values[p]! < min) min = values[p]!;
    } else {
      min = Math.min(minima[2 * node + 1]!, minima[2 * node + 2]!);
    }
    minima[node] = min;
  }
  return minima;
}
