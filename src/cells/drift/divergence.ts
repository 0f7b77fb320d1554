/** A distance between two binned distributions. */
export type DriftMetric = "psi" | "kl" | "js";

export const DRIFT_METRICS: readonly DriftMetric[] = ["psi", "kl", "js"];

/**
 * Phoenix's divergence between primary counts p and reference counts q over the same bins: bins empty on both
 * sides are dropped, each side is smoothed with a pseudocount of 1 (pᵢ = (countᵢ + 1) / (N + d), d the bins
 * kept), then PSI = Σ (p − q) ln(p/q), KL = Σ p ln(p/q), JS = √(½ KL(p‖m) + ½ KL(q‖m)), m = (p + q)/2.
 * Natural logarithms throughout. NaN when no bin has a count on either side.
 */
export function divergence(
  metric: DriftMetric,
  primary: ArrayLike<number>,
  reference: ArrayLike<number>
): number {
  if (primary.length !== reference.length)
    throw new RangeError(`divergence: ${primary.length} bins vs ${reference.length}`);
  let d = 0;
  let nP = 0;
  let nQ = 0;
  for (let i = 0; i < primary.length; ++i) {
    if (primary[i]! + reference[i]! > 0) ++d;
    nP += primary[i]!;
    nQ += reference[i]!;
  }
  if (d === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < primary.length; ++i) {
    if (primary[i]! + reference[i]! === 0) continue;
    const p = (primary[i]! + 1) / (nP + d);
    const q = (reference[i]! + 1) / (nQ + d);
    switch (metric) {
      case "psi":
        sum += (p - q) * Math.log(p / q);
        break;
      case "kl":
        sum += p * Math.log(p / q);
        break;
      case "js": {
        const m = (p + q) / 2;
        sum += 0.5 * p * Math.log(p / m) + 0.5 * q * Math.log(q / m);
        break;
      }
    }
  }
  return metric === "js" ? Math.sqrt(Math.max(0, sum)) : sum;
}

/** Checks a metric name given by a user; the error names the bad value and the choices. */
export function driftMetric(name: string): DriftMetric {
  if ((DRIFT_METRICS as readonly string[]).includes(name)) return name as DriftMetric;
  throw new RangeError(`unknown metric: "${name}" (expected psi, kl or js)`);
}
