/** The q-quantile (q in [0, 1]) of `samples` by nearest rank; NaN when there are none. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** Median and 90th percentile of timings in milliseconds. */
export interface Summary {
  readonly median: number;
  readonly p90: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {median: quantile(samples, 0.5), p90: quantile(samples, 0.9)};
}

/**
 * The median over rounds of `samples[i] / reference[i]`: each ratio compares two runs made back to back, so a
 * machine that slows down or speeds up during the bench moves both alike.
 */
export function pairedRatio(samples: readonly number[], reference: readonly number[]): number {
  return quantile(
    samples.map((value, i) => value / reference[i]!),
    0.5
  );
}
