/**
 * O(n²) references written straight from the definitions, to check the k-d tree code against: no tree,
 * no bounds, no reuse between rounds.
 */

/** Euclidean distance between points i and j of a row-major set. */
export function distance(points: Float64Array, dims: number, i: number, j: number): number {
  let sum = 0;
  for (let d = 0; d < dims; ++d) sum += (points[i * dims + d]! - points[j * dims + d]!) ** 2;
  return Math.sqrt(sum);
}

/** Each point's distance to its minSamples-th nearest other point (hdbscan's core distance). */
export function bruteCoreDistances(points: Float64Array, dims: number, minSamples: number): number[] {
  const n = points.length / dims;
  return Array.from({length: n}, (_, i) => {
    const all = Float64Array.from({length: n}, (_, j) => distance(points, dims, i, j)).sort();
    return all[minSamples]!; // all[0] is the point itself
  });
}

/** Total weight of a minimum spanning tree of the mutual reachability graph, by Prim's algorithm. */
export function brutePrimWeight(points: Float64Array, dims: number, minSamples: number): number {
  const n = points.length / dims;
  const core = bruteCoreDistances(points, dims, minSamples);
  const reach = (i: number, j: number) => Math.max(core[i]!, core[j]!, distance(points, dims, i, j));
  const inTree = new Array<boolean>(n).fill(false);
  const nearest = new Array<number>(n).fill(Infinity);
  let total = 0;
  let current = 0;
  for (let added = 1; added < n; ++added) {
    inTree[current] = true;
    let next = -1;
    for (let j = 0; j < n; ++j) {
      if (inTree[j]) continue;
      nearest[j] = Math.min(nearest[j]!, reach(current, j));
      if (next < 0 || nearest[j]! < nearest[next]!) next = j;
    }
    total += nearest[next]!;
    current = next;
  }
  return total;
}
