import {selectPositions} from "./quantile.ts";

/** Below this many values, quickselect alone is as fast. */
const BUCKETED_FROM = 4096;
const BUCKETS = 256;
/** Values sampled for the buckets' range. */
const SAMPLE = 1024;

/**
 * selectPositions for finite values: as it, it puts at each ascending position of `values` the value an
 * ascending sort would put there, the rest in no particular order. Rather than partitioning again and again
 * (a branch mispredicted on about every other value), the values are put into 256 buckets in one pass, a
 * value's bucket a linear map of it, clamped, over the range of a sample (a map that never decreases, so
 * that every value of a bucket is less than every value of the next); the positions are then selected within
 * their buckets alone. Any distribution gives exact results; a skewed one gives uneven buckets, slower only.
 */
export function selectFinitePositions(values: Float64Array, positions: Int32Array): void {
  const n = values.length;
  if (n < BUCKETED_FROM || positions.length === 0) return selectPositions(values, positions);
  let [min, max] = [Infinity, -Infinity];
  for (let i = 0, stride = n / SAMPLE; i < SAMPLE; ++i) {
    const v = values[Math.floor(i * stride)]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Values are finite, but their range may not be (then every value falls in the edge buckets).
  const scale = BUCKETS / (max - min);
  if (!(scale > 0 && scale < Infinity)) return selectPositions(values, positions);
  const buckets = new Uint8Array(n);
  const sizes = new Int32Array(BUCKETS);
  for (let i = 0; i < n; ++i) {
    const x = (values[i]! - min) * scale;
    const b = x < 0 ? 0 : x >= BUCKETS - 1 ? BUCKETS - 1 : x | 0;
    buckets[i] = b;
    ++sizes[b]!;
  }
  // The values in bucket order (a counting sort), back into `values`.
  const starts = new Int32Array(BUCKETS + 1);
  for (let b = 0; b < BUCKETS; ++b) starts[b + 1] = starts[b]! + sizes[b]!;
  const next = starts.slice(0, BUCKETS);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; ++i) sorted[next[buckets[i]!]!++] = values[i]!;
  values.set(sorted);
  // Each bucket that holds positions: those positions selected within it.
  for (let from = 0, b = 0; from < positions.length;) {
    while (starts[b + 1]! <= positions[from]!) ++b;
    let to = from;
    while (to < positions.length && positions[to]! < starts[b + 1]!) ++to;
    const local = positions.subarray(from, to).map((position) => position - starts[b]!);
    selectPositions(values.subarray(starts[b]!, starts[b + 1]!), local);
    from = to;
  }
}
