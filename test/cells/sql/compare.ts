import assert from "node:assert/strict";
import type {FeatureDrift} from "../../../src/index.ts";

/** Asserts two numbers (or nulls, or NaNs) agree to `tolerance`, relative above 1, naming `what`. */
export function close(actual: number | null, expected: number | null, what: string, tolerance = 1e-6): void {
  if (expected === null || actual === null) return assert.equal(actual, expected, what);
  if (Number.isNaN(expected)) return assert.ok(Number.isNaN(actual), `${what}: ${actual}, expected NaN`);
  const scale = Math.max(1, Math.abs(expected));
  assert.ok(Math.abs(actual - expected) <= tolerance * scale, `${what}: ${actual}, expected ${expected}`);
}

/** Bin counts by label, so that discrete bins in another order compare equal. */
export function countsByLabel(drift: FeatureDrift, side: "primary" | "reference"): Map<string, number> {
  return new Map(drift.bins.labels.map((label, i) => [label, drift.bins[side][i]!]));
}

/** Asserts two feature drifts agree: kind, value, the counts of every bin, and every window of a series. */
export function sameFeatureDrift(actual: FeatureDrift, expected: FeatureDrift): void {
  const what = `${expected.feature}`;
  assert.equal(actual.feature, expected.feature);
  assert.equal(actual.kind, expected.kind, `${what}: kind`);
  close(actual.value, expected.value, `${what}: value`);
  if (expected.kind === "continuous")
    assert.deepEqual(actual.bins.labels, expected.bins.labels, `${what}: bins`);
  for (const side of ["primary", "reference"] as const)
    assert.deepEqual(countsByLabel(actual, side), countsByLabel(expected, side), `${what}: ${side} counts`);
  assert.equal(actual.series?.length, expected.series?.length, `${what}: windows`);
  expected.series?.forEach((point, w) => {
    const got = actual.series![w]!;
    assert.equal(got.timestamp, point.timestamp, `${what}: window ${w} end`);
    assert.equal(got.count, point.count, `${what}: window ${w} rows`);
    close(got.value, point.value, `${what}: window ${w} value`);
  });
}
