import {selectPositions} from "./quantile.ts";

/** Below this many values, quickselect alone is as fast. */
const BUCKETED_FROM = 4096;
const BUCKETS = 256;
/** Values sampled for the buckets' range. */
const SAMPLE = 1024;

/**
 * selectPositions for values other than NaN: as it, it puts at each ascending position of `values` the value
 * an ascending sort would put there; the rest of `values` is left as scratch (not a permutation of it).
 * Rather than partitioning again and again (a branch mispredicted on about every other value), each value's
 * bucket of 256 is found in one pass, a linear map of it, clamped, over the range of a sample (a map that
 * never decreases, so that every value of a bucket is less than every value of the next); a second pass
 * copies out the values of the buckets that hold positions only (for deciles, about a tenth), and the
 * positions are selected within those. Nothing of the size of `values` is allocated: fresh large arrays cost
 * page faults, more than the passes. Any distribution gives exact results; a skewed one uneven buckets, slower
 * only.
 */
export function selectNumberPositions(values: Float64Array, positions: Int32Array): void {
  const n = values.length;
  if (n < BUCKETED_FROM || positions.length === 0) return selectPositions(values, positions);
  let [min, max] = [Infinity, -Infinity];
  for (let i = 0, stride = n / SAMPLE; i < SAMPLE; ++i) {
    const v = values[Math.floor(i * stride)]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // The sample's range may not be finite (an infinity, or max − min overflowing): every value would fall in
  // the edge buckets. An infinity outside the sample falls in an edge bucket, where it belongs.
  const scale = BUCKETS / (max - min);
  if (!(scale > 0 && scale < Infinity)) return selectPositions(values, positions);
  const bucket = (v: number) => {
    const x = (v - min) * scale;
    return x < 0 ? 0 : x >= BUCKETS - 1 ? BUCKETS - 1 : x | 0;
  };
  const sizes = new Int32Array(BUCKETS);
  for (let i = 0; i < n; ++i) ++sizes[bucket(values[i]!)]!;
  const starts = new Int32Array(BUCKETS + 1);
  for (let b = 0; b < BUCKETS; ++b) starts[b + 1] = starts[b]! + sizes[b]!;
  // The buckets that hold positions, side by side in `kept` (the others' next stays −1).
  const next = new Int32Array(BUCKETS).fill(-1);
  let keptSize = 0;
  for (let k = 0, b = 0; k < positions.length; ++k) {
    while (starts[b + 1]! <= positions[k]!) ++b;
    if (next[b] !== -1) continue;
    next[b] = keptSize;
    keptSize += sizes[b]!;
  }
  const kept = new Float64Array(keptSize);
  for (let i = 0; i < n; ++i) {
    const v = values[i]!;
    const at = next[bucket(v)]!;
    if (at !== -1) {
      kept[at] = v;
      next[bucket(v)]!++;
    }
  }
  // Each bucket that holds positions: those positions selected within it, and their values written back.
  for (let from = 0, b = 0; from < positions.length;) {
    while (starts[b + 1]! <= positions[from]!) ++b;
    let to = from;
    while (to < positions.length && positions[to]! < starts[b + 1]!) ++to;
    const at = next[b]! - sizes[b]!; // the bucket's first value in `kept`
    const own = kept.subarray(at, at + sizes[b]!);
    const local = positions.subarray(from, to).map((position) => position - starts[b]!);
    selectPositions(own, local);
    for (const position of local) values[starts[b]! + position] = own[position]!;
    from = to;
  }
}
