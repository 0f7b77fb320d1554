import {selectPositions} from "./quantile.ts";

/** Below this many values, quickselect alone is as fast. */
const BUCKETED_FROM = 4096;
const BUCKETS = 256;
/** Sample values per bucket: enough that buckets come out near equal in size. */
const OVERSAMPLING = 8;

/**
 * selectPositions for finite values (no NaN): as it, it puts at each ascending position of `values` the value an
 * ascending sort would put there, the rest in no particular order. Rather than partitioning again and again
 * (a branch mispredicted on about every other value), the values are put into 256 buckets in one pass, each
 * found by a branch-free search over splitters taken from a sorted sample; every value of a bucket is less
 * than every value of the next, so the positions are then selected within their buckets alone (small).
 */
export function selectFinitePositions(values: Float64Array, positions: Int32Array): void {
  const n = values.length;
  if (n < BUCKETED_FROM || positions.length === 0) return selectPositions(values, positions);
  const splitters = sampleSplitters(values);
  // Each value's bucket (the number of splitters ≤ it), and the buckets' sizes.
  const buckets = new Uint8Array(n);
  const sizes = new Int32Array(BUCKETS);
  for (let i = 0; i < n; ++i) {
    const v = values[i]!;
    let b = +(splitters[127]! <= v) << 7;
    b += +(splitters[b + 63]! <= v) << 6;
    b += +(splitters[b + 31]! <= v) << 5;
    b += +(splitters[b + 15]! <= v) << 4;
    b += +(splitters[b + 7]! <= v) << 3;
    b += +(splitters[b + 3]! <= v) << 2;
    b += +(splitters[b + 1]! <= v) << 1;
    b += +(splitters[b]! <= v);
    buckets[i] = b;
    ++sizes[b]!;
  }
  // The values in bucket order (a stable counting sort), back into `values`.
  const starts = new Int32Array(BUCKETS + 1);
  for (let b = 0; b < BUCKETS; ++b) starts[b + 1] = starts[b]! + sizes[b]!;
  const next = starts.slice(0, BUCKETS);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; ++i) sorted[next[buckets[i]!]!++] = values[i]!;
  values.set(sorted);
  // Each bucket that holds positions: those positions selected within it.
  for (let from = 0, b = 0; from < positions.length; ) {
    while (starts[b + 1]! <= positions[from]!) ++b;
    let to = from;
    while (to < positions.length && positions[to]! < starts[b + 1]!) ++to;
    const local = positions.subarray(from, to).map((position) => position - starts[b]!);
    selectPositions(values.subarray(starts[b]!, starts[b + 1]!), local);
    from = to;
  }
}

// 255 ascending splitters (repeats allowed) from a sorted sample spread evenly over the values.
function sampleSplitters(values: Float64Array): Float64Array {
  const size = BUCKETS * OVERSAMPLING;
  const stride = values.length / size;
  const sample = Float64Array.from({length: size}, (_, i) => values[Math.floor(i * stride)]!).sort();
  return Float64Array.from({length: BUCKETS - 1}, (_, j) => sample[(j + 1) * OVERSAMPLING]!);
}
