import type {Random} from "../../random.ts";
import type {VectorStore} from "./vector-store.ts";

/** Leaves of one random projection tree: `order` lists the points leaf by leaf, leaf l is order[starts[l] … starts[l+1]). */
export interface RpTreeLeaves {
  readonly order: Int32Array;
  readonly starts: Int32Array;
}

/** Margins this close to a hyperplane are sides chosen at random, as pynndescent does. */
const EPS = 1e-8;

/**
 * A random projection tree (pynndescent's Euclidean `make_euclidean_tree`): each node splits its points by
 * the hyperplane halfway between two of them, picked at random, until a node holds at most `leafSize`.
 */
export function rpTreeLeaves(store: VectorStore, leafSize: number, random: Random): RpTreeLeaves {
  const n = store.n;
  const order = new Int32Array(n);
  for (let i = 0; i < n; ++i) order[i] = i;
  const side = new Uint8Array(n);
  const starts: number[] = [];
  const stack: number[] = [0, n];
  while (stack.length) {
    const end = stack.pop()!;
    const start = stack.pop()!;
    const size = end - start;
    if (size <= leafSize) {
      starts.push(start);
      continue;
    }
    const middle = split(store, order, start, end, side, random);
    stack.push(middle, end, start, middle);
  }
  // Leaves were found depth first, left before right; their starts are increasing once sorted.
  starts.sort((x, y) => x - y);
  starts.push(n);
  return {order, starts: Int32Array.from(starts)};
}

/** Partitions order[start, end) in place by a random hyperplane; returns where the right side begins. */
function split(
  store: VectorStore,
  order: Int32Array,
  start: number,
  end: number,
  side: Uint8Array,
  random: Random
): number {
  const size = end - start;
  const leftPick = random.below(size);
  let rightPick = random.below(size - 1);
  if (rightPick >= leftPick) ++rightPick;
  store.setHyperplane(order[start + leftPick]!, order[start + rightPick]!);
  let leftCount = 0;
  for (let s = start; s < end; ++s) {
    const margin = store.margin(order[s]!);
    const left = margin > EPS ? 1 : margin < -EPS ? 0 : random.int() & 1;
    side[s - start] = left;
    leftCount += left;
  }
  if (leftCount === 0 || leftCount === size) {
    // All points on one side (duplicates, say): halve the node as it stands.
    return start + (size >> 1);
  }
  // Stable two-way partition through the side flags: left points first.
  let write = start;
  const right: number[] = [];
  for (let s = start; s < end; ++s) {
    if (side[s - start]) order[write++] = order[s]!;
    else right.push(order[s]!);
  }
  for (const p of right) order[write++] = p;
  return start + leftCount;
}
