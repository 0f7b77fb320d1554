/**
 * A k-d tree over `size` points, laid out flat as scikit-learn's KDTree is: node i has children 2i + 1 and
 * 2i + 2, every level is full, a node covers the contiguous tree positions [start, end) and its children split
 * them at the middle position along the dimension of widest spread. Leaves hold up to about `leafSize` points.
 */
export interface KdTree {
  /** Number of points. */
  readonly size: number;
  /** Coordinates per point. */
  readonly dims: number;
  /** Coordinates in tree order, row-major (size × dims), in float64. */
  readonly data: Float64Array;
  /** The input index of the point at each tree position. */
  readonly order: Int32Array;
  /** Number of nodes (2^levels − 1). */
  readonly nodeCount: number;
  /** Nodes with an index ≥ firstLeaf are leaves. */
  readonly firstLeaf: number;
  /** First tree position of each node. */
  readonly start: Int32Array;
  /** One past the last tree position of each node. */
  readonly end: Int32Array;
  /** Bounding box corners per node, row-major (nodeCount × dims). */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** Builds the tree over `size` = coordinates.length / dims points (at least one). Default leaf size: 16. */
export function buildKdTree(coordinates: Float32Array | Float64Array, dims: number, leafSize = 16): KdTree {
  const size = coordinates.length / dims;
  const levels = Math.floor(Math.log2(Math.max(1, (size - 1) / leafSize))) + 1;
  const nodeCount = 2 ** levels - 1;
  const firstLeaf = 2 ** (levels - 1) - 1;
  const order = new Int32Array(size);
  for (let i = 0; i < size; ++i) order[i] = i;
  const start = new Int32Array(nodeCount);
  const end = new Int32Array(nodeCount);
  const lower = new Float64Array(nodeCount * dims);
  const upper = new Float64Array(nodeCount * dims);
  end[0] = size;
  // Parents come before children in index order, so one pass splits every node.
  for (let node = 0; node < nodeCount; ++node) {
    const from = start[node]!;
    const to = end[node]!;
    const widest = boundingBox(coordinates, dims, order, from, to, node, lower, upper);
    if (node >= firstLeaf) continue;
    const middle = (from + to) >> 1;
    selectNth(coordinates, dims, widest, order, from, to - 1, middle);
    start[2 * node + 1] = from;
    end[2 * node + 1] = middle;
    start[2 * node + 2] = middle;
    end[2 * node + 2] = to;
  }
  const data = new Float64Array(size * dims);
  for (let i = 0; i < size; ++i) {
    for (let d = 0; d < dims; ++d) data[i * dims + d] = coordinates[order[i]! * dims + d]!;
  }
  return {size, dims, data, order, nodeCount, firstLeaf, start, end, lower, upper};
}

/** Writes the box of positions [from, to) into node's slot; returns the dimension of widest spread. */
function boundingBox(
  coordinates: Float32Array | Float64Array,
  dims: number,
  order: Int32Array,
  from: number,
  to: number,
  node: number,
  lower: Float64Array,
  upper: Float64Array
): number {
  let widest = 0;
  let widestSpread = -1;
  for (let d = 0; d < dims; ++d) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = from; i < to; ++i) {
      const x = coordinates[order[i]! * dims + d]!;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    lower[node * dims + d] = min;
    upper[node * dims + d] = max;
    if (max - min > widestSpread) {
      widestSpread = max - min;
      widest = d;
    }
  }
  return widest;
}

/**
 * Reorders order[left … right] so that position k holds the point whose coordinate `dim` ranks k-th, with no
 * greater value before it and no smaller after (Hoare quickselect; equal keys keep it linear).
 */
function selectNth(
  coordinates: Float32Array | Float64Array,
  dims: number,
  dim: number,
  order: Int32Array,
  left: number,
  right: number,
  k: number
): void {
  const key = (i: number) => coordinates[order[i]! * dims + dim]!;
  while (left < right) {
    const pivot = medianOfThree(key(left), key((left + right) >> 1), key(right));
    let i = left;
    let j = right;
    while (i <= j) {
      while (key(i) < pivot) ++i;
      while (key(j) > pivot) --j;
      if (i <= j) {
        const swap = order[i]!;
        order[i] = order[j]!;
        order[j] = swap;
        ++i;
        --j;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/** Squared distance from the point at `offset` of `data` to node's bounding box (0 inside it). */
export function boxDistanceSquared(tree: KdTree, node: number, data: Float64Array, offset: number): number {
  const {dims, lower, upper} = tree;
  let sum = 0;
  for (let d = 0; d < dims; ++d) {
    const x = data[offset + d]!;
    const lo = lower[node * dims + d]!;
    const hi = upper[node * dims + d]!;
    const gap = x < lo ? lo - x : x > hi ? x - hi : 0;
    sum += gap * gap;
  }
  return sum;
}

/** Squared Euclidean distance between tree positions i and j, summed over dimensions in order. */
export function distanceSquared(data: Float64Array, dims: number, i: number, j: number): number {
  let sum = 0;
  for (let d = 0; d < dims; ++d) {
    const diff = data[i * dims + d]! - data[j * dims + d]!;
    sum += diff * diff;
  }
  return sum;
}

/** Deepest a traversal stack can grow: one pending sibling per level, plus the node in hand. */
export function stackCapacity(tree: KdTree): number {
  return 2 * Math.log2(tree.nodeCount + 1) + 2;
}
