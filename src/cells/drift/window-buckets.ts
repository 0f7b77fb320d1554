import {lowerBound} from "../dataset/time-range.ts";

/**
 * The elementary buckets of possibly overlapping windows [from, to): the window edges, ascending and
 * deduplicated, cut time into buckets; bucket b holds the rows at order[starts[b]], …, order[starts[b + 1] − 1]
 * (order: rows in time order). With a 72-hour window sampled hourly, each row falls in one bucket of an hour
 * instead of 72 windows.
 */
export interface WindowBuckets {
  /** The distinct window edges, ascending (epoch ms). */
  readonly edges: Float64Array;
  /** Per edge, the first position in `order` whose timestamp is ≥ it: bucket b is [starts[b], starts[b + 1]). */
  readonly starts: Int32Array;
  /** Per window, the index of its `from` and of its `to` in `edges`. */
  readonly bounds: Int32Array;
}

export function windowBuckets(
  timestamps: Float64Array,
  order: Int32Array,
  windows: readonly {from: number; to: number}[],
  /** More edges to cut at (a time range's start and end). Default: none. */
  extraEdges: readonly number[] = []
): WindowBuckets {
  const all = [...windows.flatMap((w) => [w.from, w.to]), ...extraEdges];
  const edges = Float64Array.from(new Set(all)).sort();
  const index = new Map(Array.from(edges, (edge, i) => [edge, i]));
  const starts = Int32Array.from(edges, (edge) => lowerBound(timestamps, order, edge));
  const bounds = new Int32Array(windows.length * 2);
  windows.forEach(({from, to}, w) => {
    bounds[2 * w] = index.get(from)!;
    bounds[2 * w + 1] = index.get(to)!;
  });
  return {edges, starts, bounds};
}
