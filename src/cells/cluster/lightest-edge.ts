import {boxDistanceSquared, type KdTree} from "./kd-tree.ts";

/**
 * The state of one Borůvka round's searches. Weights are squared mutual reachability distances. Components are
 * named by a representative point; `best*` are indexed by it.
 */
export interface Search {
  readonly tree: KdTree;
  /** Squared core distance by tree position. */
  readonly coreSquared: Float64Array;
  /** Smallest squared core distance within each node. */
  readonly nodeCore: Float64Array;
  /** Component of each tree position. */
  readonly component: Int32Array;
  /** The component all of a node's points belong to, or −1. */
  readonly nodeComponent: Int32Array;
  /** Per component: its lightest outgoing edge so far, and that edge's ends. */
  readonly bestWeight: Float64Array;
  readonly bestFrom: Int32Array;
  readonly bestTo: Int32Array;
  /**
   * Per point: a lower bound on its lightest edge to another component, and that edge's far end when the
   * bound is exact (else −1). Both hold from round to round: a component only grows, so its points'
   * candidates only shrink, and a lightest edge that still leaves the component is still the lightest.
   */
  readonly pointLower: Float64Array;
  readonly pointTo: Int32Array;
  /** Traversal stack: nodes and their lower bounds. */
  readonly stackNode: Int32Array;
  readonly stackBound: Float64Array;
}

/**
 * Offers q's lightest edge to another component to q's component, searching only where an edge could be
 * lighter than the component's best so far: nodes of q's own component and nodes whose lower bound (box
 * distance, the node's least core distance, q's core distance and bound from earlier rounds) reaches that
 * best are skipped.
 */
export function lightestEdgeFromPoint(search: Search, q: number): void {
  const {tree, coreSquared, nodeCore, component, nodeComponent, bestWeight, pointLower, pointTo} = search;
  const {stackNode, stackBound} = search;
  const {dims, data, firstLeaf, start, end} = tree;
  const own = component[q]!;
  const coreQ = coreSquared[q]!;
  // No edge from q weighs less than its core distance, nor than earlier rounds found.
  const floor = Math.max(coreQ, pointLower[q]!);
  if (floor >= bestWeight[own]!) return;
  const offset = q * dims;
  let found = -1;
  let top = 0;
  stackNode[0] = 0;
  stackBound[0] = Math.max(floor, nodeCore[0]!);
  while (top >= 0) {
    const node = stackNode[top]!;
    const bound = stackBound[top--]!;
    if (bound >= bestWeight[own]! || nodeComponent[node] === own) continue;
    if (node >= firstLeaf) {
      for (let p = start[node]!; p < end[node]!; ++p) {
        if (component[p] === own) continue;
        let w = 0;
        for (let d = 0; d < dims; ++d) {
          const diff = data[offset + d]! - data[p * dims + d]!;
          w += diff * diff;
        }
        if (w < coreQ) w = coreQ;
        if (w < coreSquared[p]!) w = coreSquared[p]!;
        if (w < bestWeight[own]!) {
          bestWeight[own] = w;
          search.bestFrom[own] = q;
          search.bestTo[own] = p;
          found = p;
          if (w <= floor) {
            top = -1;
            break;
          }
        }
      }
      continue;
    }
    const left = 2 * node + 1;
    const right = left + 1;
    const leftBound = Math.max(boxDistanceSquared(tree, left, data, offset), nodeCore[left]!, floor);
    const rightBound = Math.max(boxDistanceSquared(tree, right, data, offset), nodeCore[right]!, floor);
    const nearLeft = leftBound <= rightBound;
    stackNode[++top] = nearLeft ? right : left;
    stackBound[top] = nearLeft ? rightBound : leftBound;
    stackNode[++top] = nearLeft ? left : right;
    stackBound[top] = nearLeft ? leftBound : rightBound;
  }
  // What went unexamined weighs at least the bound it was pruned at, and the bound only fell since. A find
  // is q's exact lightest edge: anything pruned after it was pruned at or below its weight.
  pointTo[q] = found;
  pointLower[q] = Math.max(pointLower[q]!, bestWeight[own]!);
}

/**
 * The same for all points of a leaf that lies in one component, searched together: a node is skipped by the
 * distance between its box and the leaf's, so the points deep inside a component cost a few steps each.
 */
export function lightestEdgeFromLeaf(search: Search, leaf: number): void {
  const {tree, coreSquared, nodeCore, component, nodeComponent, bestWeight, pointLower} = search;
  const {stackNode, stackBound} = search;
  const {dims, data, firstLeaf, start, end} = tree;
  const own = nodeComponent[leaf]!;
  const first = start[leaf]!;
  const last = end[leaf]!;
  let lower = Infinity;
  for (let q = first; q < last; ++q) lower = Math.min(lower, Math.max(coreSquared[q]!, pointLower[q]!));
  if (lower >= bestWeight[own]!) return;
  let top = 0;
  stackNode[0] = 0;
  stackBound[0] = lower;
  while (top >= 0) {
    const node = stackNode[top]!;
    const bound = stackBound[top--]!;
    if (bound >= bestWeight[own]! || nodeComponent[node] === own) continue;
    if (node >= firstLeaf) {
      for (let p = start[node]!; p < end[node]!; ++p) {
        if (component[p] === own) continue;
        const coreP = coreSquared[p]!;
        // p against the whole leaf first: most candidates end here.
        if (Math.max(boxDistanceSquared(tree, leaf, data, p * dims), coreP, lower) >= bestWeight[own]!)
          continue;
        for (let q = first; q < last; ++q) {
          let w = 0;
          for (let d = 0; d < dims; ++d) {
            const diff = data[q * dims + d]! - data[p * dims + d]!;
            w += diff * diff;
          }
          if (w < coreSquared[q]!) w = coreSquared[q]!;
          if (w < coreP) w = coreP;
          if (w < bestWeight[own]!) {
            bestWeight[own] = w;
            search.bestFrom[own] = q;
            search.bestTo[own] = p;
          }
        }
      }
      continue;
    }
    const left = 2 * node + 1;
    const right = left + 1;
    const leftBound = Math.max(boxToBoxSquared(tree, leaf, left), nodeCore[left]!, lower);
    const rightBound = Math.max(boxToBoxSquared(tree, leaf, right), nodeCore[right]!, lower);
    const nearLeft = leftBound <= rightBound;
    stackNode[++top] = nearLeft ? right : left;
    stackBound[top] = nearLeft ? rightBound : leftBound;
    stackNode[++top] = nearLeft ? left : right;
    stackBound[top] = nearLeft ? leftBound : rightBound;
  }
  // Every point's lightest edge weighs at least the component's best now (a point with an exact edge from an
  // earlier round offered it already, so its bound stays).
  for (let q = first; q < last; ++q) pointLower[q] = Math.max(pointLower[q]!, bestWeight[own]!);
}

/** Squared distance between the boxes of nodes a and b (0 when they touch or overlap). */
function boxToBoxSquared({dims, lower, upper}: KdTree, a: number, b: number): number {
  let sum = 0;
  for (let d = 0; d < dims; ++d) {
    const gap = Math.max(
      0,
      lower[a * dims + d]! - upper[b * dims + d]!,
      lower[b * dims + d]! - upper[a * dims + d]!
    );
    sum += gap * gap;
  }
  return sum;
}
