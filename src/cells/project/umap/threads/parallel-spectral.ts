import {componentPositions, type SourceVectors} from "../component-positions.ts";
import {componentStart} from "../component-spectral.ts";
import type {FuzzyGraph} from "../fuzzy-graph.ts";
import type {Random} from "../../../random.ts";
import {
  componentExpansion,
  graphComponents,
  placeComponent,
  spectralLayout,
  tooSmall
} from "../spectral-layout.ts";
import type {ThreadPool} from "./pool.ts";
import {sharedArray, sharedCopy} from "./shared-arrays.ts";

/**
 * `spectralLayout` with its connected components embedded on the pool's threads, each component a task taken
 * by the next thread free, largest first. Its result and what it leaves `random` at are one thread's, bit for
 * bit: every number the sequential layout draws (the components' positions, each Lanczos start vector, the
 * random points of components too small to embed) is drawn here first, in the same order, and a component's
 * embedding depends only on the graph and its start. Should an embedding fail (no basis found, or all zeros:
 * the sequential layout then draws points for it, between the others' draws), the layout is made again on
 * this thread from the generator as it was. A graph of one component has nothing to split.
 */
export async function parallelSpectralLayout(
  pool: ThreadPool,
  graph: FuzzyGraph,
  dim: number,
  random: Random,
  source?: SourceVectors
): Promise<Float64Array> {
  const components = graphComponents(graph);
  const {count, labels, groups, local} = components;
  if (count === 1) return spectralLayout(graph, dim, random, source);
  const before = random.clone();
  const positions = componentPositions(count, labels, dim, random, source);
  // Each component's draws: a start vector (null for one solved densely), or its random points' numbers.
  const starts = new Map<number, Float64Array | null>();
  const randomPoints = new Map<number, Float64Array>();
  groups.forEach((group, c) => {
    if (!tooSmall(group.length, dim)) starts.set(c, componentStart(group.length, random));
    else
      randomPoints.set(
        c,
        Float64Array.from({length: group.length * dim}, () => random.float())
      );
  });
  // The components' points one after another in shared memory, and their embeddings in the same order.
  const offsets = new Int32Array(count + 1);
  groups.forEach((members, c) => (offsets[c + 1] = offsets[c]! + members.length));
  const members = sharedArray(Int32Array, graph.n);
  groups.forEach((group, c) => members.set(group, offsets[c]!));
  const out = sharedArray(Float64Array, graph.n * dim);
  const sharedGraph = {
    n: graph.n,
    indptr: sharedCopy(graph.indptr, Int32Array),
    indices: sharedCopy(graph.indices, Int32Array),
    weights: sharedCopy(graph.weights, Float32Array)
  };
  const sharedLocal = sharedCopy(local, Int32Array);
  const embedded = [...starts.keys()].sort((a, b) => groups[b]!.length - groups[a]!.length || a - b);
  const found = await pool.map(
    embedded.map((c) => {
      const start = starts.get(c);
      return {
        kind: "spectral",
        graph: sharedGraph,
        members,
        from: offsets[c]!,
        to: offsets[c + 1]!,
        local: sharedLocal,
        dim,
        start: start ? sharedCopy(start, Float64Array) : null,
        out
      } as const;
    })
  );
  const embeddingOf = (c: number) =>
    found[embedded.indexOf(c)] === 1 ? out.subarray(offsets[c]! * dim, offsets[c + 1]! * dim) : null;
  // The sequential layout would draw points for a component without a usable embedding, between the others'
  // draws, which this one has already made: it is then made again from the generator as it was.
  if (embedded.some((c) => componentExpansion(positions, count, dim, c, embeddingOf(c)) === 0)) {
    random.setState(before);
    return spectralLayout(graph, dim, random, source);
  }
  const layout = new Float64Array(graph.n * dim);
  groups.forEach((group, c) => {
    // Only the small components' points are drawn: every other one has a usable embedding.
    const points = randomPoints.get(c);
    let next = 0;
    const draw = () => {
      if (!points) throw new Error(`spectral layout: component ${c} has no drawn points`);
      return points[next++]!;
    };
    placeComponent(layout, group, c, positions, count, dim, starts.has(c) ? embeddingOf(c) : null, draw);
  });
  return layout;
}
