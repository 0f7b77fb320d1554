import {lowerBound} from "../dataset/time-range.ts";

/**
 * Spans of time over a dataset's rows in time order, cut at every edge (window ends and starts, the time
 * range's): the rows of each segment between two edges are counted once, and the counts of any span between
 * two edges are then a difference of running totals. Counts are integers, exact in any order.
 */
export class TimeSpans {
  /** The edges, ascending and distinct (epoch ms). */
  readonly edges: Float64Array;
  /** Per edge, the first position in `order` whose timestamp is ≥ it. */
  private readonly starts: Int32Array;
  /** Where the rows from the first edge to the last are consecutive (files in time order): the first. */
  private readonly firstRow: number | null;

  /** @param order - The rows in time order (a dataset's timeOrder). */
  constructor(
    timestamps: Float64Array,
    private readonly order: Int32Array,
    edges: readonly number[]
  ) {
    this.edges = Float64Array.from(new Set(edges)).sort();
    this.starts = Int32Array.from(this.edges, (edge) => lowerBound(timestamps, order, edge));
    const [from, to] = [this.starts[0]!, this.starts.at(-1)!];
    let consecutive = true;
    for (let i = from + 1; i < to && consecutive; ++i) consecutive = order[i] === order[i - 1]! + 1;
    this.firstRow = consecutive && from < to ? order[from]! : null;
  }

  /**
   * Counts of `codes` (a code per row, in [0, numCodes)) over the spans.
   *
   * @param buffer - Where to keep them, when it holds edges × numCodes: the result reads it, so it is one
   *   column's at a time (a fresh large array per column costs page faults). Default: a new one.
   */
  count(codes: Int32Array, numCodes: number, buffer?: Float64Array): SpanCounts {
    const {edges, starts, order, firstRow} = this;
    const cumulative = this.cumulative(numCodes, buffer); // counts of the rows before each edge
    // Four histograms in turn, so that rows of the same bin one after the other do not wait on each other.
    const split = numCodes <= 64;
    const counts = new Int32Array((split ? 4 : 1) * numCodes);
    for (let e = 1; e < edges.length; ++e) {
      const [from, to] = [starts[e - 1]!, starts[e]!];
      counts.fill(0);
      if (firstRow !== null && split) countRun4(codes, firstRow - starts[0]!, from, to, counts, numCodes);
      else for (let i = from; i < to; ++i) ++counts[codes[order[i]!]!]!;
      accumulate(cumulative, e, counts, numCodes, split);
    }
    return new SpanCounts(this, cumulative, numCodes);
  }

  /**
   * count() of codes made block by block, where the rows from the first edge to the last are consecutive
   * (else null): `fill(row, n, out)` writes the codes of table rows row … row + n − 1 to out[0 … n), and
   * whether to go on (else null). Each block is counted while it is in cache, and rows outside the edges are
   * never coded. At most 64 codes.
   */
  countFilled(
    numCodes: number,
    fill: (row: number, n: number, out: Int32Array) => boolean,
    buffer?: Float64Array
  ): SpanCounts | null {
    const {edges, starts, firstRow} = this;
    if (firstRow === null || numCodes > 64) return null;
    const cumulative = this.cumulative(numCodes, buffer);
    const counts = new Int32Array(4 * numCodes);
    const block = new Int32Array(BLOCK);
    const shift = firstRow - starts[0]!;
    for (let e = 1; e < edges.length; ++e) {
      counts.fill(0);
      for (let from = starts[e - 1]!, to = starts[e]!; from < to; from += BLOCK) {
        const n = Math.min(BLOCK, to - from);
        if (!fill(from + shift, n, block)) return null;
        countRun4(block, 0, 0, n, counts, numCodes);
      }
      accumulate(cumulative, e, counts, numCodes, true);
    }
    return new SpanCounts(this, cumulative, numCodes);
  }

  // Running totals of numCodes codes per edge, in `buffer` where it is large enough; the first edge's zero.
  private cumulative(numCodes: number, buffer: Float64Array | undefined): Float64Array {
    const size = this.edges.length * numCodes;
    if (!buffer || buffer.length < size) return new Float64Array(size);
    buffer.fill(0, 0, numCodes);
    return buffer.subarray(0, size);
  }

  /** The table rows from the first edge to the last, where they are consecutive in time order: [from, to). */
  consecutiveRows(): {from: number; to: number} | null {
    const {firstRow, starts} = this;
    return firstRow === null ? null : {from: firstRow, to: firstRow + starts.at(-1)! - starts[0]!};
  }

  /** Rows with timestamp in [from, to), both edges. */
  rows(from: number, to: number): number {
    return this.rowsAt(this.edgeIndex(from), this.edgeIndex(to));
  }

  /** rows() between edges given by their index (edgeIndex). */
  rowsAt(from: number, to: number): number {
    return this.starts[to]! - this.starts[from]!;
  }

  edgeIndex(edge: number): number {
    const {edges} = this;
    let [lo, hi] = [0, edges.length - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid]! < edge) lo = mid + 1;
      else hi = mid;
    }
    if (edges[lo] !== edge) throw new RangeError(`TimeSpans: ${edge} is not an edge`);
    return lo;
  }
}

/** Rows coded at once by countFilled: small enough to stay in the first-level cache. */
const BLOCK = 2048;

// cumulative's row e: row e − 1 plus the counts of segment e (over four histograms when split).
function accumulate(
  cumulative: Float64Array,
  e: number,
  counts: Int32Array,
  numCodes: number,
  split: boolean
): void {
  const [at, before] = [e * numCodes, (e - 1) * numCodes];
  for (let c = 0; c < numCodes; ++c) {
    const count = split
      ? counts[c]! + counts[numCodes + c]! + counts[2 * numCodes + c]! + counts[3 * numCodes + c]!
      : counts[c]!;
    cumulative[at + c] = cumulative[before + c]! + count;
  }
}

/** Counts of the codes at rows shift + from … shift + to − 1, into four histograms of numCodes in turn. */
function countRun4(
  codes: Int32Array,
  shift: number,
  from: number,
  to: number,
  counts: Int32Array,
  numCodes: number
) {
  let i = from + shift;
  const end = to + shift;
  const [k1, k2, k3] = [numCodes, 2 * numCodes, 3 * numCodes];
  for (; i + 4 <= end; i += 4) {
    ++counts[codes[i]!]!;
    ++counts[k1 + codes[i + 1]!]!;
    ++counts[k2 + codes[i + 2]!]!;
    ++counts[k3 + codes[i + 3]!]!;
  }
  for (; i < end; ++i) ++counts[codes[i]!]!;
}

/** The counts of one column's codes over time spans. */
export class SpanCounts {
  /** @param stride - The codes per edge in `cumulative` (default numCodes): the first numCodes are read. */
  constructor(
    private readonly spans: TimeSpans,
    private readonly cumulative: Float64Array,
    private readonly numCodes: number,
    private readonly stride = numCodes
  ) {}

  /**
   * The same counts for `numCodes` codes, without a copy: fewer than counted, the first ones; more, the codes
   * past those counted have no row in the spans (text coded after them: the reference's, or rows outside the
   * edges), so they count 0.
   */
  resized(numCodes: number): SpanCounts {
    return new SpanCounts(this.spans, this.cumulative, Math.min(numCodes, this.numCodes), this.stride);
  }

  /**
   * Counts per bin of the rows with timestamp in [from, to), both edges: bins[code] gets code's count.
   *
   * @param out - Where to write them (numBins long). Default: a new array.
   */
  counts(
    from: number,
    to: number,
    bins: Int32Array | null,
    numBins: number,
    out = new Float64Array(numBins)
  ): Float64Array {
    return this.countsAt(this.spans.edgeIndex(from), this.spans.edgeIndex(to), bins, numBins, out);
  }

  /** counts() between edges given by their index (TimeSpans.edgeIndex). */
  countsAt(
    from: number,
    to: number,
    bins: Int32Array | null,
    numBins: number,
    out = new Float64Array(numBins)
  ): Float64Array {
    const {cumulative, numCodes, stride} = this;
    const [a, b] = [from * stride, to * stride];
    out.fill(0);
    for (let c = 0; c < numCodes; ++c) out[bins ? bins[c]! : c]! += cumulative[b + c]! - cumulative[a + c]!;
    return out;
  }
}

/** Counts per bin of the given rows (all rows when `rows` is omitted): bins[code] gets code's count. */
export function countCodes(
  codes: Int32Array,
  numCodes: number,
  bins: Int32Array | null,
  numBins: number,
  rows?: Int32Array
): Float64Array {
  const counts = new Float64Array(numCodes);
  if (rows === undefined) for (let i = 0; i < codes.length; ++i) ++counts[codes[i]!]!;
  else for (let i = 0; i < rows.length; ++i) ++counts[codes[rows[i]!]!]!;
  if (!bins) return counts;
  const out = new Float64Array(numBins);
  for (let c = 0; c < numCodes; ++c) out[bins[c]!]! += counts[c]!;
  return out;
}
