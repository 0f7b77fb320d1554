import {componentPositions, type SourceVectors} from "./component-positions.ts";
import {componentSpectral} from "./component-spectral.ts";
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
  const {count, labels} = connectedComponents(graph);
  const out = new Float64Array(n * dim);
  const groups = membersByComponent(labels, count);
  const local = new Int32Array(n);
  for (const members of groups) members.forEach((point, i) => (local[point] = i));
  if (count === 1) {
    const embedding = componentSpectral(graph, groups[0]!, local, dim, random);
    if (embedding) return embedding;
    for (let s = 0; s < out.length; ++s) out[s] = random.float() * 20 - 10;
    return out;
  }
  const positions = componentPositions(count, labels, dim, random, source);
  groups.forEach((members, c) => {
    const range = halfGapToNearest(positions, count, dim, c);
    const embedding =
      members.length < 2 * dim || members.length <= dim + 1
        ? null
        : componentSpectral(graph, members, local, dim, random);
    let max = 0;
    if (embedding) for (const value of embedding) max = Math.max(max, Math.abs(value));
    const expansion = max > 0 ? range / max : 0;
    members.forEach((point, i) => {
      for (let d = 0; d < dim; ++d) {
        const offset =
          embedding && expansion > 0 ? embedding[i * dim + d]! * expansion : (random.float() * 2 - 1) * range;
        out[point * dim + d] = positions[c * dim + d]! + offset;
      }
    });
  });
  return out;
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
