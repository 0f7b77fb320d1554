import {boxDistanceSquared, stackCapacity, type KdTree} from "./kd-tree.ts";

/**
 * The squared core distance of every point, by tree position: the squared distance to its `minSamples`-th
 * nearest other point. This is hdbscan's convention (0.8.33): it takes the k = min_samples + 1 nearest
 * points, the point itself first at distance 0, and keeps the last; so min_samples = 1 means the nearest
 * neighbour. Exact copies count as neighbours at distance 0. Requires minSamples < tree.size.
 */
export function coreDistancesSquared(tree: KdTree, minSamples: number): Float64Array {
  const {size, dims, data, firstLeaf, start, end} = tree;
  const k = minSamples + 1;
  const core = new Float64Array(size);
  // A max-heap of the k smallest squared distances seen so far; heap[0] is the k-th.
  const heap = new Float64Array(k);
  const capacity = stackCapacity(tree);
  const stackNode = new Int32Array(capacity);
  const stackBound = new Float64Array(capacity);
  for (let q = 0; q < size; ++q) {
    const offset = q * dims;
    heap.fill(Infinity);
    let top = 0;
    stackNode[0] = 0;
    stackBound[0] = 0;
    while (top >= 0) {
      const node = stackNode[top]!;
      const bound = stackBound[top--]!;
      if (bound >= heap[0]!) continue;
      if (node >= firstLeaf) {
        for (let p = start[node]!; p < end[node]!; ++p) {
          let d2 = 0;
          for (let d = 0; d < dims; ++d) {
            const diff = data[offset + d]! - data[p * dims + d]!;
            d2 += diff * diff;
          }
          if (d2 < heap[0]!) replaceTop(heap, d2);
        }
        continue;
      }
      const left = 2 * node + 1;
      const right = left + 1;
      const leftBound = boxDistanceSquared(tree, left, data, offset);
      const rightBound = boxDistanceSquared(tree, right, data, offset);
      // Push the farther child first so the nearer one is searched first.
      const nearLeft = leftBound <= rightBound;
      stackNode[++top] = nearLeft ? right : left;
      stackBound[top] = nearLeft ? rightBound : leftBound;
      stackNode[++top] = nearLeft ? left : right;
      stackBound[top] = nearLeft ? leftBound : rightBound;
    }
    core[q] = heap[0]!;
  }
  return core;
}

/** Replaces the largest value of a max-heap with a smaller one and restores the heap. */
function replaceTop(heap: Float64Array, value: number): void {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const child = right < n && heap[right]! > heap[left]! ? right : left;
    if (heap[child]! <= value) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = value;
}
