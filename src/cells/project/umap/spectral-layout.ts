import {componentPositions, type SourceVectors} from "./component-positions.ts";
import {componentSpectral, componentStart} from "./component-spectral.ts";
import {connectedComponents} from "./components.ts";
import type {FuzzyGraph} from "./fuzzy-graph.ts";
import type {Random} from "../../random.ts";

/**
 * umap-learn's `spectral_layout` (n × dim): the spectral embedding of a connected graph; for several
 * components, each embedded on its own, scaled to half the distance to its nearest neighbour component and
 * placed at that component's position. Tiny components (and any whose eigensolve fails) get uniform random
 * points instead.
 */
export function spectralLayout(
  graph: FuzzyGraph,
  dim: number,
  random: Random,
  source?: SourceVectors
): Float64Array {
  const n = graph.n;
  const {count, labels, groups, local} = graphComponents(graph);
  const out = new Float64Array(n * dim);
  if (count === 1) {
    const embedding = componentSpectral(graph, groups[0]!, local, dim, componentStart(n, random));
    if (embedding) return embedding;
    for (let s = 0; s < out.length; ++s) out[s] = random.float() * 20 - 10;
    return out;
  }
  const positions = componentPositions(count, labels, dim, random, source);
  groups.forEach((members, c) => {
    const embedding = tooSmall(members.length, dim)
      ? null
      : componentSpectral(graph, members, local, dim, componentStart(members.length, random));
    placeComponent(out, members, c, positions, count, dim, embedding, () => random.float());
  });
  return out;
}

/** A graph's connected components: each one's points (`groups`), and each point's position in its group. */
export interface GraphComponents {
  readonly count: number;
  readonly labels: Int32Array;
  readonly groups: readonly Int32Array[];
  readonly local: Int32Array;
}

export function graphComponents(graph: FuzzyGraph): GraphComponents {
  const {count, labels} = connectedComponents(graph);
  const groups = membersByComponent(labels, count);
  const local = new Int32Array(graph.n);
  for (const members of groups) members.forEach((point, i) => (local[point] = i));
  return {count, labels, groups, local};
}

/** A component too small for a spectral embedding of `dim` dimensions: its points are placed at random. */
export const tooSmall = (size: number, dim: number): boolean => size < 2 * dim || size <= dim + 1;

/**
 * The factor that scales component c's embedding to half the gap to the nearest other component's position;
 * 0 when there is no usable embedding (none, all zeros, or not finite), and its points are drawn instead.
 */
export function componentExpansion(
  positions: Float64Array,
  count: number,
  dim: number,
  c: number,
  embedding: Float64Array | null
): number {
  if (!embedding) return 0;
  let max = 0;
  for (const value of embedding) max = Math.max(max, Math.abs(value));
  const expansion = max > 0 ? halfGapToNearest(positions, count, dim, c) / max : 0;
  return expansion > 0 ? expansion : 0;
}

/**
 * Writes component c's points into `out`: its embedding scaled by componentExpansion and placed at its own
 * position; without a usable one, uniform points within half the gap to the nearest other position, `draw()`
 * giving each number in [0, 1), point by point.
 */
export function placeComponent(
  out: Float64Array,
  members: Int32Array,
  c: number,
  positions: Float64Array,
  count: number,
  dim: number,
  embedding: Float64Array | null,
  draw: () => number
): void {
  const range = halfGapToNearest(positions, count, dim, c);
  const expansion = componentExpansion(positions, count, dim, c, embedding);
  members.forEach((point, i) => {
    for (let d = 0; d < dim; ++d) {
      const offset = expansion > 0 ? embedding![i * dim + d]! * expansion : (draw() * 2 - 1) * range;
      out[point * dim + d] = positions[c * dim + d]! + offset;
    }
  });
}

function membersByComponent(labels: Int32Array, count: number): Int32Array[] {
  const sizes = new Int32Array(count);
  for (const label of labels) ++sizes[label]!;
  const groups = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(count);
  labels.forEach((label, point) => (groups[label]![filled[label]!++] = point));
  return groups;
}

/** Half the distance from component c's position to the nearest other position (1 if all coincide). */
function halfGapToNearest(positions: Float64Array, count: number, dim: number, c: number): number {
  let nearest = Infinity;
  for (let other = 0; other < count; ++other) {
    let d2 = 0;
    for (let d = 0; d < dim; ++d) d2 += (positions[c * dim + d]! - positions[other * dim + d]!) ** 2;
    if (d2 > 0) nearest = Math.min(nearest, d2);
  }
  return nearest === Infinity ? 1 : Math.sqrt(nearest) / 2;
}
