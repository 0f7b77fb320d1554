import type {ClusterSummary} from "../../src/cells/drift/cluster-summary.ts";
import type {FeatureDrift} from "../../src/cells/drift/feature-drift.ts";
import type {DriftSeriesPoint, PointCloudData} from "../../src/components/index.ts";

/** Four 2-D points: three near the origin (two primary, one reference) and one far away (reference). */
export const tinyProjection = (): PointCloudData => ({
  coordinates: Float32Array.of(0, 0, 1, 0, 0, 1, 5, 5),
  nComponents: 2,
  dataset: Uint8Array.of(0, 0, 1, 1),
  row: Int32Array.of(10, 11, 20, 21),
  datasets: [{name: "production"}, {name: "training"}]
});

const cluster = (
  id: number,
  points: number[],
  primaryCount: number,
  driftRatio: number | null
): ClusterSummary => ({
  id,
  size: points.length,
  primaryCount,
  referenceCount: points.length - primaryCount,
  primaryShare: primaryCount / 2,
  referenceShare: (points.length - primaryCount) / 2,
  driftRatio,
  metric: {primary: 0.5, reference: null},
  points: Int32Array.from(points)
});

/** Two clusters ranked by drift: #1 only production, then #0 mixed. */
export const tinySummary = (): ClusterSummary[] => [cluster(1, [0, 1], 2, 1), cluster(0, [2, 3], 0, -1)];

const DAY = 86_400_000;
export const tinySeries = (): DriftSeriesPoint[] => [
  {timestamp: 10 * DAY, value: 1, count: 5},
  {timestamp: 11 * DAY, value: null, count: 0},
  {timestamp: 12 * DAY, value: 2, count: 7},
  {timestamp: 13 * DAY, value: 1.5, count: 6}
];

const feature = (name: string, value: number, primary: number[], reference: number[]): FeatureDrift => ({
  feature: name,
  kind: "continuous",
  metric: "psi",
  value,
  bins: {
    labels: primary.map((_, i) => (i === primary.length - 1 ? "null" : `bin ${i}`)),
    primary: Float64Array.from(primary),
    reference: Float64Array.from(reference)
  }
});

/** Three features in no particular order of drift. */
export const tinyDrift = (): FeatureDrift[] => [
  feature("ink", 0.02, [1, 3, 0], [2, 2, 0]),
  feature("brightness", 0.3, [4, 0, 0], [0, 4, 0]),
  feature("prediction_score", 0.1, [2, 1, 1], [1, 2, 1])
];
