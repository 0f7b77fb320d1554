import type {CondensedTree} from "./condensed-tree.ts";

/**
 * Which clusters of the condensed tree are selected (1), indexed by cluster id − points: excess of mass, then
 * the epsilon search when epsilon ≠ 0, as hdbscan 0.8.33's `get_clusters` with cluster_selection_method
 * "eom", allow_single_cluster False and no max_cluster_size. The root is never selected. `stability` is
 * consumed (overwritten, as there).
 */
export function selectClusters(tree: CondensedTree, stability: Float64Array, epsilon: number): Uint8Array {
  const shape = clusterShape(tree);
  const selected = excessOfMass(shape, stability);
  return epsilon !== 0 && shape.parent.length > 1 ? epsilonSearch(shape, selected, epsilon) : selected;
}

/** The cluster tree alone, by cluster index (id − points); index 0 is the root. */
interface ClusterShape {
  /** Parent index, −1 for the root. */
  readonly parent: Int32Array;
  /** Lambda at which the cluster split from its parent. */
  readonly birth: Float64Array;
  /** The two children in row order, −1 for a leaf (true splits are binary). */
  readonly first: Int32Array;
  readonly second: Int32Array;
}

function clusterShape({points, clusters, length, parent, child, lambda}: CondensedTree): ClusterShape {
  const shape = {
    parent: new Int32Array(clusters).fill(-1),
    birth: new Float64Array(clusters),
    first: new Int32Array(clusters).fill(-1),
    second: new Int32Array(clusters).fill(-1)
  };
  for (let row = 0; row < length; ++row) {
    if (child[row]! < points) continue;
    const c = child[row]! - points;
    const p = parent[row]! - points;
    shape.parent[c] = p;
    shape.birth[c] = lambda[row]!;
    if (shape.first[p]! < 0) shape.first[p] = c;
    else shape.second[p] = c;
  }
  return shape;
}

/**
 * Bottom-up (descending ids put children first): a cluster whose children's summed stability exceeds its own
 * gives way to them and takes that sum as its stability, else it is kept and its descendants are not. The
 * sum is rounded to float32 before comparing and storing, because hdbscan holds it in a C `float`.
 */
function excessOfMass(shape: ClusterShape, stability: Float64Array): Uint8Array {
  const {parent, first, second} = shape;
  const count = parent.length;
  const keep = new Uint8Array(count);
  for (let c = count - 1; c >= 1; --c) {
    const subtree = first[c]! < 0 ? 0 : Math.fround(stability[first[c]!]! + stability[second[c]!]!);
    if (subtree > stability[c]!) stability[c] = subtree;
    else keep[c] = 1;
  }
  // Top-down: a cluster stays selected only when no ancestor was kept.
  const underKept = new Uint8Array(count);
  const selected = new Uint8Array(count);
  for (let c = 1; c < count; ++c) {
    const p = parent[c]!;
    underKept[c] = underKept[p]! | (p > 0 ? keep[p]! : 0);
    selected[c] = keep[c]! & (underKept[c]! ^ 1);
  }
  return selected;
}

/**
 * hdbscan's `epsilon_search`: a selected cluster born at a distance (1 / lambda) below epsilon is replaced by
 * its nearest ancestor whose own birth distance exceeds epsilon (or by the ancestor just below the root),
 * whose descendants are then no longer candidates. Clusters are visited in ascending id.
 */
function epsilonSearch(shape: ClusterShape, eom: Uint8Array, epsilon: number): Uint8Array {
  const {parent, birth} = shape;
  const count = parent.length;
  const processed = new Uint8Array(count);
  const selected = new Uint8Array(count);
  for (let leaf = 1; leaf < count; ++leaf) {
    if (!eom[leaf]) continue;
    if (1 / birth[leaf]! >= epsilon) {
      selected[leaf] = 1;
      continue;
    }
    if (processed[leaf]) continue;
    const chosen = traverseUpwards(shape, epsilon, leaf);
    selected[chosen] = 1;
    markDescendants(shape, chosen, processed);
  }
  return selected;
}

function traverseUpwards({parent, birth}: ClusterShape, epsilon: number, leaf: number): number {
  for (;;) {
    const p = parent[leaf]!;
    if (p === 0) return leaf;
    if (1 / birth[p]! > epsilon) return p;
    leaf = p;
  }
}

/** Marks every strict descendant of `top`; a marked node's subtree is already marked. */
function markDescendants({first, second}: ClusterShape, top: number, marks: Uint8Array): void {
  const stack = [first[top]!, second[top]!];
  while (stack.length) {
    const c = stack.pop()!;
    if (c < 0 || marks[c]) continue;
    marks[c] = 1;
    stack.push(first[c]!, second[c]!);
  }
}
